// Which skills serve a need, read from its category and its words (一句话需求): a leaking tap asks for a
// plumber, not for the quilt-sewer who happens to share the "household" category. The ranking gives a skill
// that serves the need the points of the exact skill, and a skill of the category that does not serve it none.
import { SKILL_BY_CODE, type SkillCategory } from '../volunteers/skills.ts';

/** Words (as residents and the hotline write them) that point to each skill. */
export const SKILL_WORDS: Readonly<Record<string, readonly string[]>> = {
  doctor: ['看病', '诊', '开药', '复查', '发烧', '咳嗽', '药方', '慢性病', '医生'],
  nurse: ['换药', '打针', '输液', '伤口', '血压', '血糖', '护士', '褥疮', '导尿'],
  tcm: ['推拿', '按摩', '针灸', '中医', '拔罐', '腰疼', '腰痛', '颈椎', '腿疼'],
  first_aid: ['急救', '摔倒', '晕倒', '心脏', '烫伤', '止血'],
  elder_care: ['照护', '喂饭', '擦身', '翻身', '助浴', '洗澡', '陪护', '卧床', '康复'],
  lawyer: ['诉讼', '起诉', '官司', '律师', '遗嘱', '开庭', '判决'],
  mediation: ['纠纷', '吵架', '矛盾', '调解', '漏水到楼下', '噪音', '邻里'],
  legal_advice: ['法律', '赡养', '继承', '工伤', '欠薪', '维权', '合同', '房产证', '低保申请'],
  tutoring: ['作业', '辅导', '功课', '数学', '英语', '补课', '语文', '考试'],
  calligraphy: ['书法', '毛笔', '春联', '对联', '写字'],
  painting: ['画画', '绘画', '美术', '画'],
  music: ['唱歌', '音乐', '乐器', '二胡', '合唱', '电子琴', '钢琴'],
  qinqiang: ['秦腔', '戏曲', '唱戏'],
  dance: ['跳舞', '舞蹈', '广场舞', '扭秧歌'],
  recitation: ['朗诵', '读报', '念报', '读书给'],
  photography: ['照相', '拍照', '摄影', '照片', '全家福'],
  counselling: ['心理', '抑郁', '焦虑', '失眠', '想不开', '情绪'],
  companionship: ['陪我', '陪他', '陪她', '聊天', '孤单', '寂寞', '说说话', '看望', '没人说话'],
  haircut: ['理发', '剪发', '头发', '剃头'],
  sewing: ['被子', '被褥', '缝', '棉被', '扣子', '衣服破', '补衣', '拆洗'],
  plumbing: ['水管', '漏水', '水龙头', '下水', '马桶', '堵了', '暖气', '水暖', '渗水', '水表', '地漏'],
  electrician: ['电路', '跳闸', '插座', '开关', '灯', '电线', '停电', '保险丝', '漏电', '电表'],
  appliance_repair: ['电视', '冰箱', '洗衣机', '空调', '电饭', '微波炉', '热水器', '油烟机', '家电', '电风扇'],
  cooking: ['做饭', '烹饪', '包饺子', '午饭', '晚饭', '送饭', '煮', '炖'],
  smartphone_help: ['手机', '微信', '视频通话', '扫码', '健康码', '支付', '网上', '挂号', '打车', '养老金认证'],
  science_talks: ['科普', '讲座', '讲讲'],
  anti_fraud: ['诈骗', '骗子', '被骗', '保健品', '陌生电话', '中奖'],
  dementia_care: ['失智', '痴呆', '认知', '走失', '糊涂', '记不住'],
  sign_language: ['手语', '聋', '听不见', '聋哑'],
  disability_support: ['轮椅', '残疾', '拐杖', '助残', '假肢', '盲人', '推出去'],
  child_care: ['孩子', '接送', '看孩子', '放学', '婴儿', '带娃'],
};

/**
 * The skills of the need's category its words point to (the named skill alone when it names one); empty when the
 * words say nothing a skill answers, and then every skill of the category serves equally.
 */
export function relevantSkills(
  category: SkillCategory,
  description: string,
  skillCode?: string | null,
): readonly string[] {
  if (skillCode) return [skillCode];
  const out: string[] = [];
  for (const [code, words] of Object.entries(SKILL_WORDS)) {
    if (SKILL_BY_CODE.get(code)?.category !== category) continue;
    if (words.some((w) => description.includes(w))) out.push(code);
  }
  return out;
}
