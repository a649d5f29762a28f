// A labelled set of needs as the demo community's residents put them, each with the skills that serve it (judged
// by hand, not by the word list). relevance.test.ts ranks a pool of volunteers for each and checks that the top
// candidate holds one of these skills for at least 90% of them.
import type { SkillCategory } from '../volunteers/skills.ts';

export interface LabelledNeed {
  category: SkillCategory;
  description: string;
  /** Skills any of which serves the need. */
  serves: readonly string[];
}

export const RELEVANCE_SET: readonly LabelledNeed[] = [
  { category: 'household', description: '厨房水管漏水，地上都是水', serves: ['plumbing'] },
  { category: 'household', description: '卫生间马桶堵了', serves: ['plumbing'] },
  { category: 'household', description: '水龙头关不紧，一直滴水', serves: ['plumbing'] },
  { category: 'household', description: '暖气片不热，想请人放放气', serves: ['plumbing'] },
  { category: 'household', description: '家里跳闸了，一开灯就停电', serves: ['electrician'] },
  { category: 'household', description: '卧室插座没电了', serves: ['electrician'] },
  { category: 'household', description: '楼道的灯坏了，晚上看不见', serves: ['electrician'] },
  { category: 'household', description: '冬天的棉被要拆洗缝好', serves: ['sewing'] },
  { category: 'household', description: '被褥破了，想请人缝一缝', serves: ['sewing'] },
  { category: 'household', description: '衣服破了个口子，扣子也掉了', serves: ['sewing'] },
  { category: 'household', description: '老人行动不便，想请人上门理发', serves: ['haircut'] },
  { category: 'household', description: '头发太长了，剪发', serves: ['haircut'] },
  { category: 'household', description: '电视没有信号了', serves: ['appliance_repair'] },
  { category: 'household', description: '洗衣机不转了', serves: ['appliance_repair'] },
  { category: 'household', description: '冰箱不制冷', serves: ['appliance_repair'] },
  { category: 'household', description: '热水器打不着火', serves: ['appliance_repair', 'plumbing'] },
  { category: 'household', description: '一个人住，想有人帮忙做饭', serves: ['cooking'] },
  { category: 'household', description: '冬至想包饺子，手不方便', serves: ['cooking'] },
  { category: 'medical', description: '每周量血压，换药', serves: ['nurse', 'doctor'] },
  { category: 'medical', description: '腿上伤口需要换药', serves: ['nurse'] },
  { category: 'medical', description: '糖尿病，想测血糖', serves: ['nurse', 'doctor'] },
  { category: 'medical', description: '老伴发烧咳嗽，想请医生看看', serves: ['doctor'] },
  { category: 'medical', description: '慢性病复查，看看药方要不要调', serves: ['doctor'] },
  { category: 'medical', description: '腰疼得厉害，想做推拿', serves: ['tcm'] },
  { category: 'medical', description: '颈椎不舒服，想针灸按摩', serves: ['tcm'] },
  { category: 'medical', description: '卧床的老人需要翻身擦身', serves: ['elder_care', 'nurse'] },
  { category: 'medical', description: '想请人帮老人洗澡', serves: ['elder_care'] },
  { category: 'medical', description: '家里老人上次摔倒了，想学急救', serves: ['first_aid'] },
  { category: 'legal', description: '儿子不给赡养费，想咨询法律', serves: ['legal_advice', 'lawyer'] },
  { category: 'legal', description: '房子继承的事想问问', serves: ['legal_advice', 'lawyer'] },
  { category: 'legal', description: '被拖欠工资，想维权', serves: ['legal_advice', 'lawyer'] },
  { category: 'legal', description: '要起诉，想找律师写状子', serves: ['lawyer'] },
  { category: 'legal', description: '想立一份遗嘱', serves: ['lawyer', 'legal_advice'] },
  { category: 'legal', description: '和楼上邻居因为漏水吵架，想调解', serves: ['mediation'] },
  { category: 'legal', description: '邻里噪音纠纷', serves: ['mediation'] },
  { category: 'education', description: '孙子的数学作业不会做', serves: ['tutoring'] },
  { category: 'education', description: '孩子英语跟不上，想补课', serves: ['tutoring'] },
  { category: 'education', description: '过年想写春联', serves: ['calligraphy'] },
  { category: 'education', description: '想学毛笔书法', serves: ['calligraphy'] },
  { category: 'education', description: '孩子喜欢画画，想有人教', serves: ['painting'] },
  { category: 'culture', description: '老人想学唱歌，参加合唱', serves: ['music'] },
  { category: 'culture', description: '想学拉二胡', serves: ['music'] },
  { category: 'culture', description: '爱听秦腔，想学唱几段', serves: ['qinqiang'] },
  { category: 'culture', description: '想学广场舞', serves: ['dance'] },
  { category: 'culture', description: '眼睛不好，想有人读报', serves: ['recitation'] },
  { category: 'culture', description: '想拍一张全家福', serves: ['photography'] },
  { category: 'psychological', description: '老伴去世后一直失眠，情绪低落', serves: ['counselling'] },
  { category: 'psychological', description: '最近很焦虑，想找人聊聊心理问题', serves: ['counselling'] },
  { category: 'psychological', description: '一个人住很孤单，想有人陪我聊天', serves: ['companionship'] },
  { category: 'psychological', description: '希望有人常来看望说说话', serves: ['companionship'] },
  { category: 'science_digital', description: '不会用手机视频通话', serves: ['smartphone_help'] },
  { category: 'science_digital', description: '想学微信扫码支付', serves: ['smartphone_help'] },
  { category: 'science_digital', description: '养老金认证不会在网上做', serves: ['smartphone_help'] },
  { category: 'science_digital', description: '接到陌生电话说中奖，怕被骗', serves: ['anti_fraud'] },
  { category: 'science_digital', description: '老人总买保健品，请人讲讲防诈骗', serves: ['anti_fraud'] },
  { category: 'special_groups', description: '老人有点糊涂，记不住事，怕走失', serves: ['dementia_care'] },
  { category: 'special_groups', description: '听不见，需要手语帮忙去办事', serves: ['sign_language'] },
  { category: 'special_groups', description: '坐轮椅，想有人推出去晒太阳', serves: ['disability_support'] },
  { category: 'special_groups', description: '放学没人接送孩子', serves: ['child_care'] },
  { category: 'special_groups', description: '下午需要有人看孩子两小时', serves: ['child_care'] },
];
