// A translation has the same keys as the Chinese original; the compiler checks that English is complete.
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
