// Server messages of volunteers' self-service: answering 还来吗？, no-shows and shift swaps. Keys are error codes and
// validation keys; ../i18n.ts joins every area into one table per language.

export const zh = {
  swap_not_open: '这个班已经有人接了，或者对方已经收回了',
  swap_own: '这是您自己让出的班，不能自己接',
  answer_closed: '这个班已经开始或已取消，不能再回复了',
  'selfservice.answer': '请选择“我会来”或“来不了”',
  'entity.swap': '换班',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  swap_not_open: 'Someone has already taken this shift, or it was withdrawn',
  swap_own: 'This is a shift you offered; you cannot take it yourself',
  answer_closed: 'This shift has started or was cancelled; it can no longer be answered',
  'selfservice.answer': 'Please choose "I will come" or "I cannot come"',
  'entity.swap': 'swap',
};
