// Agreements for tests and for looking at the layout. Every person, firm and number is invented.
import type { AgreementDocument, AgreementObligation } from "./agreement-pdf.server";

export const typicalAgreement: AgreementDocument = {
  caseNumber: "普调〔2026〕00123号",
  signedDate: "2026-12-01",
  committeeName: "普陀区渔业纠纷人民调解委员会",
  centreName: "舟山市普陀区矛盾纠纷调解中心",
  mediatorName: "郑明岚",
  applicants: [
    {
      name: "沈晓渔",
      details: ["男", "1979年4月生", "汉族", "渔船船员"],
      address: "浙江省舟山市普陀区虾峙镇栲门村（示例地址）",
      phone: "13800000000",
    },
  ],
  respondents: [
    {
      name: "舟山蓝湾示例渔业有限公司",
      details: ["统一社会信用代码：91330903MA0000000X", "法定代表人：何友航，执行董事"],
      address: "浙江省舟山市普陀区沈家门街道示例路8号",
      phone: "0580-0000000",
    },
  ],
  facts:
    "申请人沈晓渔自2025年3月起受雇于被申请人，在其所属渔船上担任船员。2026年9月伏季休渔结束后，双方因2026年度工资结算及申请人出海作业时手部受伤的医疗费用承担发生争议，申请人于2026年11月20日向本委员会申请调解。",
  responsibility:
    "争议事项为：一、2026年度尚欠工资的数额；二、申请人受伤期间的医疗费、误工费的承担。经核实，被申请人尚欠申请人工资人民币32,000.00元；申请人受伤系作业中发生，被申请人作为用工单位应当承担相应责任，申请人自身亦存在操作不当之处。",
  obligations: [
    {
      obligor: "被申请人舟山蓝湾示例渔业有限公司",
      obligee: "申请人沈晓渔",
      description: "支付2026年度尚欠工资",
      amountYuan: 32000,
      method: "银行转账至申请人指定账户",
      dueDate: "2026-12-15",
    },
    {
      obligor: "被申请人舟山蓝湾示例渔业有限公司",
      obligee: "申请人沈晓渔",
      description: "支付医疗费、误工费等各项费用",
      amountYuan: 18000,
      method: "银行转账至申请人指定账户",
      instalments: [
        { dueDate: "2027-01-15", amountYuan: 9000 },
        { dueDate: "2027-02-15", amountYuan: 9000 },
      ],
    },
  ],
  otherTerms: ["上述款项付清后，双方就本纠纷再无其他争议。"],
  copies: 3,
  verifyUrl: "https://tiaojie.example.cn/cases/2026-00123/verify?code=7Q4M2K",
};

/** Many obligations and long facts: several pages. */
export function longAgreement(obligationCount = 24): AgreementDocument {
  const facts = Array.from(
    { length: 9 },
    (_, i) =>
      `第${i + 1}段：2025年${(i % 12) + 1}月，申请人与被申请人就渔船“浙普渔示例${100 + i}号”的合伙经营、燃油补贴分配、船员工资垫付及渔获销售款结算多次协商未果，双方各自提交了账目、转账记录和证人证言，对部分款项的性质和数额存在较大分歧，本委员会逐项核对后形成如下认定。`,
  ).join("\n");
  const obligations: AgreementObligation[] = Array.from({ length: obligationCount }, (_, i) => ({
    obligor: i % 3 === 0 ? "申请人王潮生" : "被申请人李若帆",
    obligee: i % 3 === 0 ? "被申请人李若帆" : "申请人王潮生",
    description: `支付第${i + 1}笔合伙经营往来款项（对应渔获销售结算单第${i + 1}号）`,
    amountYuan: 1000 * (i + 1) + 0.5 * (i % 2),
    method: i % 2 ? "现金支付并由收款人出具收条" : "银行转账",
    place: "普陀区矛盾纠纷调解中心",
    dueDate: `2027-${String((i % 12) + 1).padStart(2, "0")}-28`,
    ...(i === 5
      ? {
          amountYuan: 60000,
          dueDate: undefined,
          instalments: Array.from({ length: 12 }, (_, n) => ({
            dueDate: `2027-${String(n + 1).padStart(2, "0")}-10`,
            amountYuan: 5000,
          })),
        }
      : {}),
  }));
  return {
    ...typicalAgreement,
    recorderName: "陈一舟",
    caseNumber: "普调〔2026〕00456号",
    applicants: [{ name: "王潮生", details: ["男", "1970年8月生"], address: "浙江省舟山市普陀区六横镇（示例地址）" }],
    respondents: [{ name: "李若帆", details: ["女", "1983年1月生"], address: "浙江省舟山市普陀区桃花镇（示例地址）" }],
    facts,
    responsibility: facts.split("\n").slice(0, 3).join("\n"),
    obligations,
    otherTerms: [],
    verifyUrl: "https://tiaojie.example.cn/cases/2026-00456/verify?code=K2M9P1",
  };
}
