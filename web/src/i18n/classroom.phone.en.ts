// Phone strings of the classroom area (issue 6).
export const classroomPhoneEn = {};
