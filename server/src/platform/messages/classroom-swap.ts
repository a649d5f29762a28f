// Server messages of 4:30 rota-day swaps (换班). Keys are error codes and validation keys; ../i18n.ts joins every
// area into one table per language.

export const zh = {
  rota_swap_past: '{date} 的课堂已经过去或已经结束，不能再换班',
  rota_swap_not_on_rota: '您不在 {date} 四点半课堂的值班表上，没有这一天可以让出',
  rota_swap_already_on: '您已经在 {date} 四点半课堂的值班表上了，不用再接',
  'entity.classroom_rota_swap': '课堂换班',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  rota_swap_past: 'The session on {date} is over or closed; its rota can no longer be swapped',
  rota_swap_not_on_rota: 'You are not on the rota of the 4:30 classroom on {date}; there is no day to offer',
  rota_swap_already_on: 'You are already on the rota of the 4:30 classroom on {date}',
  'entity.classroom_rota_swap': 'rota-day swap',
};
