// Server-side messages in zh-CN (default) and English. Keys are error codes and validation keys.
import { PERMISSION_LABELS, ROLE_LABELS, type Permission, type Role } from '../../../domain/access/roles.ts';

export type Locale = 'zh-CN' | 'en';

const zh: Record<string, string> = {
  validation: '提交的内容有误，请检查标出的字段',
  bad_file: '文件内容有误：{reason}',
  unauthenticated: '请先登录',
  bad_credentials: '手机号或密码不正确',
  bad_code: '验证码不正确或已过期',
  csrf: '页面已过期，请刷新后重试',
  forbidden: '您的角色（{role}）没有权限执行此操作：{permission}',
  out_of_scope: '此记录不在您负责的范围内（{scope}）',
  not_found: '找不到该{entity}',
  conflict: '数据冲突：{reason}',
  duplicate_id_number: '本社区已有相同身份证号的居民',
  has_dependents: '该{entity}下仍有{dependents}，不能删除',
  payload_too_large: '文件过大，最大 {maxMb} MB',
  unsupported_file: '只能上传 Excel（.xlsx）文件',
  locked: '登录失败次数过多，账号已锁定，请在 {until} 后再试',
  rate_limited: '操作过于频繁，请稍后再试',
  internal: '系统出错了，我们已记录，请稍后再试',
  'invalid.required': '必填',
  'invalid.phone': '请输入 11 位中国大陆手机号',
  'invalid.date': '日期格式应为 YYYY-MM-DD，且是真实存在的日期',
  'invalid.birthDate': '出生日期不能早于 1900 年，也不能晚于今天',
  'invalid.idNumber.format': '身份证号应为 18 位（最后一位可为 X）',
  'invalid.idNumber.checksum': '身份证号校验位不正确',
  'invalid.idNumber.birthDate': '身份证号中的出生日期不存在',
  'invalid.idNumber.birthDateMismatch': '身份证号中的出生日期与填写的出生日期不一致',
  'invalid.idNumber.genderMismatch': '身份证号中的性别与填写的性别不一致',
  'invalid.personName': '姓名只能包含汉字、字母和间隔号',
  'invalid.nameTooLong': '姓名最多 30 个字',
  'invalid.tooLong': '内容过长',
  'invalid.id': '编号格式不正确',
  'invalid.type': '类型不正确',
  'invalid.value': '取值不在允许范围内',
  'invalid.number': '应为数字',
  'invalid.unknownField': '不认识的字段',
  duplicate_volunteer: '本社区已有相同身份证号的志愿者注册',
  'volunteer.ageOutOfRange': '年龄不在本社区接受志愿者注册的范围内（默认 9 至 80 岁）',
  'volunteer.guardianRequired': '未满 18 岁须由监护人同意：请填写监护人姓名、电话和关系',
  'volunteer.licenceRequired': '这项技能需要执业资格证书，请填写证书编号',
  'volunteer.licenceExpired': '证书已过期，不能作为有效证书登记',
  'volunteer.consentRequired': '请阅读并同意个人信息使用说明',
  'volunteer.noHeader': '找不到表头行（姓名、身份证号……），请使用志愿者导入模板',
  'volunteer.emptyFile': '文件中没有可导入的志愿者',
  'volunteer.tooManyRows': '一次最多导入 5000 名志愿者，请分成几个文件导入',
  'volunteer.unitOnly': '只能登记本单位的志愿者',
  // Roster import (Excel): one message per row problem.
  'invalid.unknownBuilding': '本社区没有这个楼幢，请先添加楼幢或检查楼号（如“1号楼”）',
  'invalid.buildingOutOfScope': '该楼幢不在您负责的网格内',
  'invalid.duplicateInFile': '与文件中另一行的身份证号重复',
  'invalid.householdConflict': '同一住址的各行填写的“低保户/流动人口”不一致',
  'invalid.householdMismatch': '与该住址已登记住户的信息不一致',
  'invalid.yesNo': '请填“是”或“否”',
  'invalid.gender': '性别请填“男”或“女”',
  'invalid.relation': '与户主关系应为：户主、配偶、子女、父母、孙辈、祖辈、兄弟姐妹、其他',
  'invalid.specialGroup': '特殊群体应为：空巢老人、独居老人、失智老人、慢性病、残疾人、三无老人、失独家庭、外来务工人员子女（多个用顿号分隔）',
  'invalid.idNumber.asNumber': '身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”格式后重新填写',
  'invalid.missingColumn': '文件缺少这一列，请使用导入模板',
  'invalid.noHeader': '找不到表头行（楼幢、单元、室、姓名……），请使用导入模板',
  'invalid.emptyRoster': '文件中没有可导入的居民',
  'invalid.tooManyRows': '一次最多导入 20000 行，请分成几个文件导入',
  'invalid.garbled': '含有乱码字符（�），请检查文件的编码或重新填写该单元格',
  'entity.resident': '居民', 'entity.household': '住户', 'entity.building': '楼幢', 'entity.grid': '网格',
  'entity.account': '账号', 'entity.contact': '联系人', 'entity.consent': '同意记录', 'entity.page': '页面',
  'entity.volunteer': '志愿者', 'entity.team': '服务队', 'entity.unit': '驻区单位', 'entity.course': '培训课程', 'entity.policy': '保险保单',
  // Training, insurance, availability, service types (issue 3).
  session_full: '该场培训已报满（名额 {capacity} 人）',
  session_closed: '该场培训已开始或已结束，不能再报名',
  volunteer_not_approved: '该志愿者尚未通过审核',
  outside_policy_ages: '{name}（{age} 岁）不在该保单承保的年龄范围内（{minAge}–{maxAge} 岁）',
  'invalid.endBeforeStart': '结束不能早于开始',
  'invalid.slotOverlap': '与同一天的另一个时间段重叠',
  'invalid.minutes': '时间应在 00:00 到 24:00 之间',
  'invalid.weekday': '星期应为 1（周一）到 7（周日）',
  'invalid.time': '时间格式应为 HH:MM',
  'invalid.dateTime': '日期时间格式不正确',
  'invalid.ageRange': '最大年龄不能小于最小年龄',
  'invalid.code': '编码只能包含字母、数字、下划线和短横线',
  'invalid.duplicateCode': '编码已被使用',
  'invalid.alreadySignedUp': '该志愿者已报名这场培训',
  'invalid.policyEnded': '该保单已过期',
  'invalid.inPast': '日期已过',
  'invalid.whenIncomplete': '请同时填写日期、开始和结束时间',
  'entity.session': '培训场次', 'entity.attendance': '报名记录', 'entity.service_type': '服务类型', 'entity.blackout': '不可服务日期',
  'entity.cover': '保险覆盖记录', 'entity.certificate': '培训证书',
  'scope.grid': '本网格', 'scope.community': '本社区', 'scope.unit': '本单位', 'scope.team': '本服务队', 'scope.self': '本人',
  // Skills, units, teams, party members (issue 3).
  'invalid.licenceExpiryRequired': '这项技能需要执业资格证书，请填写证书有效期',
  'invalid.skillExists': '该志愿者已登记这项技能',
  'invalid.nameTaken': '本社区已有同名记录',
  'invalid.unknownUnit': '本社区没有这个驻区单位', 'invalid.unknownGrid': '本社区没有这个网格', 'invalid.unknownPost': '本社区没有这个岗位',
  'invalid.volunteerNotApproved': '志愿者注册审核通过后才能加入服务队',
  'invalid.alreadyMember': '已是该服务队队员', 'invalid.alreadyRequested': '已申请加入该服务队，请等待队长审核',
  'invalid.notPartyMember': '该志愿者尚未登记为党员，请先登记党员信息',
  'invalid.postFull': '岗位名额已满，请选择其他岗位',
  'invalid.capacityBelowClaims': '名额不能少于已认领的人数',
  'entity.skill': '技能', 'entity.post': '岗位', 'entity.member': '队员', 'entity.joinRequest': '入队申请', 'entity.report': '报到记录',
};

const en: Record<string, string> = {
  validation: 'Some fields are not right; please check them',
  bad_file: 'The file has problems: {reason}',
  unauthenticated: 'Please sign in first',
  bad_credentials: 'Wrong phone number or password',
  bad_code: 'The code is wrong or has expired',
  csrf: 'This page has expired; please reload and try again',
  forbidden: 'Your role ({role}) may not do this: {permission}',
  out_of_scope: 'This record is outside what you look after ({scope})',
  not_found: 'No such {entity}',
  conflict: 'Conflict: {reason}',
  duplicate_id_number: 'A resident with this ID number is already registered in this community',
  has_dependents: 'This {entity} still has {dependents} and cannot be deleted',
  payload_too_large: 'The file is too large; at most {maxMb} MB',
  unsupported_file: 'Only Excel (.xlsx) files can be uploaded',
  locked: 'Too many failed sign-ins; the account is locked until {until}',
  rate_limited: 'Too many requests; please wait a moment',
  internal: 'Something went wrong on our side; it has been logged',
  'invalid.required': 'Required',
  'invalid.phone': 'Enter an 11-digit mainland China mobile number',
  'invalid.date': 'Use a real date written YYYY-MM-DD',
  'invalid.birthDate': 'Birth date must be between 1900 and today',
  'invalid.idNumber.format': 'An ID number has 18 characters (the last may be X)',
  'invalid.idNumber.checksum': 'The ID number’s check character is wrong',
  'invalid.idNumber.birthDate': 'The birth date inside the ID number does not exist',
  'invalid.idNumber.birthDateMismatch': 'The ID number’s birth date differs from the birth date given',
  'invalid.idNumber.genderMismatch': 'The ID number’s gender differs from the gender given',
  'invalid.personName': 'Names may hold Chinese characters, letters and the middle dot only',
  'invalid.nameTooLong': 'Names have at most 30 characters',
  'invalid.tooLong': 'Too long',
  'invalid.id': 'Not a valid id',
  'invalid.type': 'Wrong type',
  'invalid.value': 'Not an allowed value',
  'invalid.number': 'Must be a number',
  'invalid.unknownField': 'Unknown field',
  duplicate_volunteer: 'A volunteer with this ID number is already registered in this community',
  'volunteer.ageOutOfRange': 'This age is outside the range of volunteers this community accepts (9 to 80 by default)',
  'volunteer.guardianRequired': 'Under 18 a guardian must consent: give the guardian’s name, phone and relation',
  'volunteer.licenceRequired': 'This skill needs a licence: give the licence number',
  'volunteer.licenceExpired': 'This licence has expired and cannot be registered as current',
  'volunteer.consentRequired': 'Please read and agree to how your information is used',
  'volunteer.noHeader': 'No header row (name, ID number …) found; please use the volunteer import template',
  'volunteer.emptyFile': 'The file has no volunteers to import',
  'volunteer.tooManyRows': 'At most 5,000 volunteers per import; please split the file',
  'volunteer.unitOnly': 'You can only register volunteers of your own unit',
  'invalid.unknownBuilding': 'No building with this number in the community; add the building first or check the number (e.g. 1号楼)',
  'invalid.buildingOutOfScope': 'This building is outside your grid',
  'invalid.duplicateInFile': 'The same ID number is on another row of the file',
  'invalid.householdConflict': 'Rows for the same address disagree on dibao or migrant status',
  'invalid.householdMismatch': 'Differs from the household already registered at this address',
  'invalid.yesNo': 'Enter 是 (yes) or 否 (no)',
  'invalid.gender': 'Enter 男 (male) or 女 (female)',
  'invalid.relation': 'Relation to the head must be one of 户主, 配偶, 子女, 父母, 孙辈, 祖辈, 兄弟姐妹, 其他',
  'invalid.specialGroup': 'Special groups must be among 空巢老人, 独居老人, 失智老人, 慢性病, 残疾人, 三无老人, 失独家庭, 外来务工人员子女 (separated by 、)',
  'invalid.idNumber.asNumber': 'Excel stored the ID number as a number and lost its last digits; format the column as Text and enter it again',
  'invalid.missingColumn': 'The file lacks this column; please use the import template',
  'invalid.noHeader': 'No header row (楼幢, 单元, 室, 姓名 …) found; please use the import template',
  'invalid.emptyRoster': 'The file has no residents to import',
  'invalid.tooManyRows': 'At most 20,000 rows per import; please split the file',
  'invalid.garbled': 'Holds garbled characters (�); check the file’s encoding or re-enter this cell',
  'entity.resident': 'resident', 'entity.household': 'household', 'entity.building': 'building', 'entity.grid': 'grid',
  'entity.account': 'account', 'entity.contact': 'contact', 'entity.consent': 'consent record', 'entity.page': 'page',
  'entity.volunteer': 'volunteer', 'entity.team': 'team', 'entity.unit': 'unit', 'entity.course': 'training course', 'entity.policy': 'insurance policy',
  session_full: 'This training session is full ({capacity} places)',
  session_closed: 'This training session has started or ended; sign-ups are closed',
  volunteer_not_approved: 'This volunteer has not been approved yet',
  outside_policy_ages: '{name} ({age}) is outside the ages this policy covers ({minAge}–{maxAge})',
  'invalid.endBeforeStart': 'The end cannot be before the start',
  'invalid.slotOverlap': 'Overlaps another slot on the same day',
  'invalid.minutes': 'Times must be between 00:00 and 24:00',
  'invalid.weekday': 'Weekday must be 1 (Monday) to 7 (Sunday)',
  'invalid.time': 'Use HH:MM',
  'invalid.dateTime': 'Not a valid date and time',
  'invalid.ageRange': 'The maximum age cannot be below the minimum',
  'invalid.code': 'Codes hold letters, digits, _ and - only',
  'invalid.duplicateCode': 'This code is already used',
  'invalid.alreadySignedUp': 'This volunteer already signed up for this session',
  'invalid.policyEnded': 'This policy has ended',
  'invalid.inPast': 'This date has passed',
  'invalid.whenIncomplete': 'Give the date, the start and the end together',
  'entity.session': 'training session', 'entity.attendance': 'sign-up', 'entity.service_type': 'service type', 'entity.blackout': 'blackout dates',
  'entity.cover': 'insurance cover', 'entity.certificate': 'training certificate',
  'scope.grid': 'your grid', 'scope.community': 'your community', 'scope.unit': 'your unit', 'scope.team': 'your team', 'scope.self': 'yourself',
  'invalid.licenceExpiryRequired': 'This skill needs a licence: give its expiry date',
  'invalid.skillExists': 'This volunteer already has this skill',
  'invalid.nameTaken': 'This name is already used in the community',
  'invalid.unknownUnit': 'No such unit in this community', 'invalid.unknownGrid': 'No such grid in this community', 'invalid.unknownPost': 'No such post in this community',
  'invalid.volunteerNotApproved': 'A volunteer joins teams once their registration is approved',
  'invalid.alreadyMember': 'Already a member of this team', 'invalid.alreadyRequested': 'Already asked to join this team; the leader will decide',
  'invalid.notPartyMember': 'This volunteer is not recorded as a party member yet',
  'invalid.postFull': 'This post is full; please choose another',
  'invalid.capacityBelowClaims': 'The capacity cannot be below the number who have claimed the post',
  'entity.skill': 'skill', 'entity.post': 'post', 'entity.member': 'member', 'entity.joinRequest': 'join request', 'entity.report': 'report',
};

const tables: Record<Locale, Record<string, string>> = { 'zh-CN': zh, en };

export function translate(locale: Locale, key: string, vars: Record<string, unknown> = {}): string {
  const template = tables[locale][key] ?? tables['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k];
    if (v === undefined || v === null) return '';
    const lang = locale === 'en' ? 'en' : 'zh';
    if (k === 'role' && typeof v === 'string' && v in ROLE_LABELS) return ROLE_LABELS[v as Role][lang];
    if (k === 'permission' && typeof v === 'string' && v in PERMISSION_LABELS) return PERMISSION_LABELS[v as Permission][lang];
    // Entities and scopes are keys themselves.
    if (typeof v === 'string' && tables[locale][`entity.${v}`]) return tables[locale][`entity.${v}`]!;
    if (typeof v === 'string' && tables[locale][`scope.${v}`]) return tables[locale][`scope.${v}`]!;
    return String(v);
  });
}

export function hasMessage(key: string): boolean {
  return key in zh;
}

/** The user's setting wins; otherwise the first of Accept-Language we speak; otherwise Chinese. */
export function pickLocale(userLocale: string | undefined | null, acceptLanguage: string | undefined): Locale {
  if (userLocale === 'en' || userLocale === 'zh-CN') return userLocale;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
