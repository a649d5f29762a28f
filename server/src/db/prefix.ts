// Prefix search on an indexed text column as a range, lo <= col < hi, rather than LIKE 'p%': PostgreSQL uses a
// plain btree index for LIKE only under the C collation (or with text_pattern_ops), SQLite only with
// case_sensitive_like; a range uses the index on both, whatever the collation.
import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * The range of strings that start with `prefix`. Names in pinyin are lower-case a–z (ü is written v), and
 * 'z' is the last letter: trailing z's are dropped and the last other letter moves one on ('zhz' → 'zi'), so
 * the bound is itself a–z and sorts the same in every collation. A prefix of z's alone has no upper bound.
 */
export function prefixRange(prefix: string): { lo: string; hi: string | null } {
  const stem = prefix.replace(/z+$/, '');
  if (!stem) return { lo: prefix, hi: null };
  return { lo: prefix, hi: stem.slice(0, -1) + String.fromCharCode(stem.charCodeAt(stem.length - 1) + 1) };
}

/** `column` starts with `prefix` (see prefixRange). */
export function startsWith(column: string, prefix: string): Expression<SqlBool> {
  const { lo, hi } = prefixRange(prefix);
  const col = sql.ref(column);
  return hi === null ? sql<SqlBool>`${col} >= ${lo}` : sql<SqlBool>`(${col} >= ${lo} and ${col} < ${hi})`;
}

/** A pinyin search box: the full pinyin or the initials of the name start with `prefix`. */
export function pinyinStartsWith(pinyinColumn: string, initialsColumn: string, prefix: string): Expression<SqlBool> {
  return sql<SqlBool>`(${startsWith(pinyinColumn, prefix)} or ${startsWith(initialsColumn, prefix)})`;
}
