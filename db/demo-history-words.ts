// The words of the demo history (db/demo-history.ts): invented names, firms ("某…公司", never a
// real one), what disputes are about, agreements' obligations, ratings' comments. Data only.
import type { CaseOutcome, CategorySlug } from "../domain";

export const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭陆汪范金石廖贾夏韦方邱侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文翁应虞乐舒包柴";
export const GIVEN = "海波建国平军红英华明丽芳静霞志强伟勇敏燕萍娟杰涛军辉斌超鹏亮峰磊玲婷慧琴兰梅秀凤国庆春生永福金宝来根荣娣雅婕浩宇";

export const INDUSTRIES = [
  "水产",
  "船舶修造",
  "建筑工程",
  "物业服务",
  "海运",
  "旅游开发",
  "餐饮",
  "食品加工",
  "渔业",
  "装饰",
  "商贸",
  "汽车租赁",
];

export const SUMMARIES: Record<CategorySlug, string[]> = {
  labour: [
    "在{firm}工作期间被拖欠工资{amt}，多次催讨未果",
    "工作中受伤，与{firm}就工伤待遇{amt}协商不成",
    "被{firm}解除劳动合同，要求支付经济补偿{amt}",
    "与{firm}就劳动合同解除及社保补缴发生争议",
  ],
  "migrant-workers": [
    "外来务工，{firm}拖欠劳务费{amt}",
    "租住房屋押金{amt}未退，与房东协商不成",
    "与{firm}就加班费{amt}发生争议",
    "随迁子女入学及用工安排与{firm}发生争议",
  ],
  "maritime-fishery": [
    "渔船作业中与他船碰撞，船体受损，索赔{amt}",
    "船员劳务报酬{amt}未结清",
    "网具被他船拖坏，要求赔偿{amt}",
    "船员海上作业受伤，协商赔偿{amt}",
    "渔船停泊位置与他船发生争议",
  ],
  "traffic-accident": ["电动车与小客车碰撞，人伤车损协商赔偿{amt}", "停车场剐蹭，车辆维修费{amt}有争议", "交通事故后就保险理赔{amt}协商"],
  "personal-injury": ["在店门口台阶摔伤，要求赔偿医疗费等{amt}", "因口角被人打伤，协商赔偿{amt}", "帮工时受伤，赔偿{amt}有争议"],
  medical: ["手术后出现并发症，与医院就赔偿{amt}协商", "对诊疗过程有异议，要求赔偿{amt}"],
  "property-management": [
    "楼上漏水导致房屋受损，维修费{amt}有争议",
    "对物业服务不满，拒交物业费{amt}",
    "新房质量问题，与开发商协商赔偿{amt}",
    "小区停车管理与物业公司发生争议",
  ],
  environment: ["养殖塘受附近企业排污影响，损失{amt}", "邻近加工厂油烟噪音扰民", "船厂施工粉尘影响生活，要求补偿{amt}"],
  "marriage-family": [
    "离婚后财产分割有争议，涉及{amt}",
    "子女抚养费及探视安排有争议",
    "老人赡养费分担有争议",
    "遗产继承分配有争议，涉及{amt}",
  ],
  neighbourhood: ["邻居搭建棚屋影响通行", "宅基地边界有争议", "楼上噪音扰民，多次沟通无果", "邻居家漏水损坏墙面，要求赔偿{amt}"],
  consumer: [
    "网购商品质量问题，退款{amt}有争议",
    "预付卡商家停业，余额{amt}未退",
    "装修建材以次充好，要求赔偿{amt}",
    "商家拒绝履行三包服务",
  ],
  tourism: [
    "民宿服务与宣传不符，要求退款{amt}",
    "旅行团行程变更，要求赔偿{amt}",
    "游客在景区意外受伤，协商赔偿{amt}",
    "景区接驳服务与游客发生争议",
  ],
  construction: [
    "工程完工后工程款{amt}未结算",
    "房屋装修质量问题，要求返工并赔偿{amt}",
    "施工中工人受伤，赔偿{amt}有争议",
    "施工噪音与工期延误引发争议",
  ],
  "contract-debt": ["民间借款{amt}到期未还", "货款{amt}拖欠未付", "买卖合同违约，要求赔偿{amt}"],
};

export const DEATH_SUMMARIES = [
  "交通事故致一人死亡，家属与肇事方及保险公司就死亡赔偿金{amt}协商",
  "意外事故致人死亡，家属索赔死亡赔偿金等{amt}",
];

export const MAJOR_SUMMARIES: Partial<Record<CategorySlug, string>> = {
  labour: "{n}名工人被{firm}拖欠工资合计{amt}（群体性纠纷）",
  construction: "{n}名农民工追讨工程劳务费合计{amt}（群体性纠纷）",
  "property-management": "{n}户业主与物业公司就公共维修资金使用发生争议（群体性纠纷）",
  "maritime-fishery": "渔船沉没致船员失踪，家属与船东协商赔偿{amt}",
  medical: "术后重度伤残，家属索赔{amt}",
  environment: "海水养殖大面积死亡，{n}户养殖户索赔{amt}（群体性纠纷）",
};

export const PAYMENT = {
  "traffic-accident": "赔偿医疗费、误工费、车辆维修费等",
  labour: "支付拖欠工资及补偿",
  "migrant-workers": "支付劳务费",
} as Partial<Record<CategorySlug, string>>;

export const NON_MONEY: Partial<Record<CategorySlug, string>> = {
  neighbourhood: "拆除搭建物、恢复通行并停止侵扰",
  "marriage-family": "按约定履行抚养、探视或赡养安排",
  environment: "完成整改并停止排放",
  "property-management": "完成维修并恢复原状",
};

export const METHODS = ["银行转账", "微信转账", "支付宝转账", "现金（当场）"];

/** The first is said only of a case settled without a visit. */
export const COMMENTS_HIGH = ["不用跑腿，线上就解决了", "调解员很耐心，讲得清楚", "效率很高，感谢中心", "公道，双方都服气", "专家很专业"];

export const COMMENTS_LOW = ["等待时间较长", "沟通不够及时", "对结果不太满意"];

export const FAILURE_NOTES: Partial<Record<CaseOutcome, string>> = {
  "no-agreement": "双方分歧较大，未能达成协议，已告知其他解决途径",
  "referred-arbitration": "调解不成，引导申请劳动仲裁",
  "referred-litigation": "调解不成，引导向法院起诉",
  withdrawn: "申请人撤回调解申请",
  "respondent-refused": "被申请人不同意调解",
};

export const WINDOW_STAFF = [
  "综合受理窗口工作人员甲（示例）",
  "综合受理窗口工作人员乙（示例）",
  "综合受理窗口工作人员丙（示例）",
  "综合受理窗口工作人员丁（示例）",
];

export const COURT = "普陀区人民法院";
