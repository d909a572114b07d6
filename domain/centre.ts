// The centre's practical details (issue 11): where it is, when it is open, how to reach it from each
// island town, and what to bring for each kind of dispute. DEMO DATA: the address, phone, piers and
// crossing times are invented for this demonstration and the pages that show them say so. Kept as
// data in one place so the /centre page, the booking page and the appointment slip say the same thing.
import { TOWNS, type CategorySlug, type TownSlug } from "./index";

export interface Label {
  zh: string;
  en: string;
}

export const CENTRE = {
  name: { zh: "普陀区社会治理综合服务中心", en: "Putuo District Social Governance Service Centre" },
  address: { zh: "舟山市普陀区沈家门街道海港路 88 号（演示地址）", en: "88 Haigang Road, Shenjiamen, Putuo, Zhoushan (demo address)" },
  /** Where a party goes first: the general intake windows. */
  entrance: { zh: "一楼大厅，综合受理窗口（1、2 号窗口）", en: "Ground-floor hall, general intake windows 1 and 2" },
  phone: "0580-3000000",
  hours: [
    { days: { zh: "周一至周五", en: "Monday to Friday" }, time: "08:30–12:00, 13:30–17:30" },
    { days: { zh: "周六", en: "Saturday" }, time: "09:00–12:00" },
    { days: { zh: "周日及法定节假日", en: "Sundays and public holidays" }, time: null },
  ] as { days: Label; time: string | null }[],
} as const;

export interface Directions {
  town: TownSlug;
  /** The pier people leave from on their island. */
  pier: Label;
  /** Where the boat arrives near the centre. */
  arrival: Label;
  /** Typical crossing, in minutes (demo figures). */
  crossingMinutes: number;
  /** How to go on from the arrival point to the centre. */
  onward: Label;
  /** A bridge instead of a boat: no suspension stops it. */
  bridged?: boolean;
}

export const DIRECTIONS: readonly Directions[] = [
  {
    town: "zhujiajian",
    pier: { zh: "朱家尖大桥（跨海大桥，无需乘船）", en: "Zhujiajian Bridge (by road, no ferry)" },
    arrival: { zh: "沈家门", en: "Shenjiamen" },
    crossingMinutes: 20,
    onward: { zh: "乘公交或出租车约 20 分钟到中心", en: "About 20 minutes by bus or taxi to the centre" },
    bridged: true,
  },
  {
    town: "liuheng",
    pier: { zh: "六横台门码头", en: "Liuheng Taimen pier" },
    arrival: { zh: "沈家门半升洞码头", en: "Shenjiamen Banshengdong pier" },
    crossingMinutes: 50,
    onward: { zh: "下船后步行约 15 分钟", en: "About 15 minutes on foot from the pier" },
  },
  {
    town: "taohua",
    pier: { zh: "桃花茅草屋码头", en: "Taohua Maocaowu pier" },
    arrival: { zh: "沈家门半升洞码头", en: "Shenjiamen Banshengdong pier" },
    crossingMinutes: 40,
    onward: { zh: "下船后步行约 15 分钟", en: "About 15 minutes on foot from the pier" },
  },
  {
    town: "xiazhi",
    pier: { zh: "虾峙栅棚码头", en: "Xiazhi Zhapeng pier" },
    arrival: { zh: "沈家门半升洞码头", en: "Shenjiamen Banshengdong pier" },
    crossingMinutes: 35,
    onward: { zh: "下船后步行约 15 分钟", en: "About 15 minutes on foot from the pier" },
  },
  {
    town: "dongji",
    pier: { zh: "东极庙子湖码头", en: "Dongji Miaozihu pier" },
    arrival: { zh: "沈家门半升洞码头", en: "Shenjiamen Banshengdong pier" },
    crossingMinutes: 100,
    onward: {
      zh: "下船后步行约 15 分钟；班次少，建议提前一天确认船期",
      en: "About 15 minutes on foot; few sailings, check the timetable the day before",
    },
  },
  {
    town: "putuoshan",
    pier: { zh: "普陀山客运码头", en: "Putuoshan passenger pier" },
    arrival: { zh: "朱家尖蜈蚣峙码头", en: "Zhujiajian Wugongzhi pier" },
    crossingMinutes: 15,
    onward: { zh: "再乘公交或出租车约 30 分钟到中心", en: "Then about 30 minutes by bus or taxi to the centre" },
  },
];

/** The island towns (from the district's towns) and their directions, in the towns' order. */
export const islandDirections = (): { town: (typeof TOWNS)[number]; directions: Directions | undefined }[] =>
  TOWNS.filter((t) => t.island).map((town) => ({ town, directions: DIRECTIONS.find((d) => d.town === town.slug) }));

const ID: Label = { zh: "本人身份证（或户口簿、护照等有效证件）", en: "Your identity card (or another valid ID)" };
const EVIDENCE: Label = {
  zh: "与纠纷有关的书面材料、照片、聊天记录（原件和复印件）",
  en: "Papers, photos and messages about the dispute (originals and copies)",
};
const AGENT: Label = { zh: "委托他人代为参加的，带授权委托书", en: "If someone attends for you: a signed letter of authority" };

/** What to bring to a session, per dispute category. Every list starts with ID and ends with the letter of authority. */
export const WHAT_TO_BRING: Record<CategorySlug, readonly Label[]> = {
  medical: [ID, { zh: "病历、诊断证明、医疗费票据", en: "Medical records, diagnoses and bills" }, EVIDENCE, AGENT],
  labour: [
    ID,
    { zh: "劳动合同、工资条或转账记录、考勤记录", en: "Employment contract, payslips or transfers, time records" },
    EVIDENCE,
    AGENT,
  ],
  "maritime-fishery": [
    ID,
    { zh: "船舶证书、渔业捕捞许可证、船员证", en: "Ship certificates, fishing licence, seafarer's papers" },
    EVIDENCE,
    AGENT,
  ],
  "traffic-accident": [
    ID,
    { zh: "事故认定书、驾驶证、行驶证、保险单", en: "Accident report, driving licence, vehicle papers, insurance policy" },
    EVIDENCE,
    AGENT,
  ],
  "property-management": [
    ID,
    { zh: "房产证或租赁合同、物业服务合同、缴费记录", en: "Title deed or lease, property-management contract, payment records" },
    EVIDENCE,
    AGENT,
  ],
  "personal-injury": [
    ID,
    { zh: "伤情鉴定、医疗费票据、误工证明", en: "Injury assessment, medical bills, proof of lost earnings" },
    EVIDENCE,
    AGENT,
  ],
  environment: [ID, { zh: "污染情况的照片、视频、检测报告", en: "Photos, videos or test reports of the pollution" }, EVIDENCE, AGENT],
  "marriage-family": [
    ID,
    {
      zh: "结婚证或离婚证、户口簿、子女出生证明",
      en: "Marriage or divorce certificate, household register, children's birth certificates",
    },
    EVIDENCE,
    AGENT,
  ],
  neighbourhood: [
    ID,
    { zh: "房屋界址、相邻关系的照片或协议", en: "Photos or agreements about boundaries and shared spaces" },
    EVIDENCE,
    AGENT,
  ],
  consumer: [
    ID,
    { zh: "购物凭证、发票、商品或服务的合同", en: "Receipts, invoices, the contract for the goods or service" },
    EVIDENCE,
    AGENT,
  ],
  tourism: [ID, { zh: "旅游合同、行程单、付款凭证", en: "Travel contract, itinerary, proof of payment" }, EVIDENCE, AGENT],
  construction: [
    ID,
    { zh: "施工合同、结算单、工程签证单", en: "Construction contract, final account, site instructions" },
    EVIDENCE,
    AGENT,
  ],
  "contract-debt": [ID, { zh: "合同、借条、转账或还款记录", en: "Contract, IOU, transfer or repayment records" }, EVIDENCE, AGENT],
  "migrant-workers": [
    ID,
    { zh: "居住证、劳动合同或用工证明、工资记录", en: "Residence permit, employment contract or proof of work, wage records" },
    EVIDENCE,
    AGENT,
  ],
};

export function whatToBring(category: string): readonly Label[] {
  return (WHAT_TO_BRING as Record<string, readonly Label[] | undefined>)[category] ?? [ID, EVIDENCE, AGENT];
}
