// Everyday words parties type, mapped to the words the pool is described with. Both engines read this
// table: the embedded engine expands query words with it, Meilisearch gets it as index settings.
// Keys and values are single words; a query word that is a key also matches any of its values. A value
// is a category's name (or part of one: 劳动), or another word for the same thing (拖欠工资 → 欠薪),
// which the embedded engine ranks as the word typed (ADR 020). Keys may be English words too.

export const CATEGORY_SYNONYMS: Record<string, string[]> = {
  // labour 劳动争议
  欠薪: ["劳动争议", "劳动"],
  讨薪: ["劳动争议", "劳动", "欠薪"],
  工资: ["劳动争议", "劳动"],
  拖欠工资: ["劳动争议", "劳动", "欠薪"],
  工伤: ["劳动争议", "劳动"],
  辞退: ["劳动争议", "劳动"],
  社保: ["劳动争议", "劳动"],
  加班费: ["劳动争议", "劳动"],
  // What a worker owed wages says (issue 11): whole phrases are keys, so neither engine cuts them into
  // words that match elsewhere (不, 发) or nowhere (老板).
  老板不发工资: ["劳动争议", "劳动", "欠薪"],
  不发工资: ["劳动争议", "劳动", "欠薪"],
  讨工钱: ["劳动争议", "劳动", "欠薪"],
  工钱: ["劳动争议", "劳动", "欠薪"],
  劳务费: ["劳动争议", "劳动", "欠薪"],
  wages: ["劳动争议", "劳动", "欠薪"],
  wage: ["劳动争议", "劳动", "欠薪"],
  salary: ["劳动争议", "劳动", "欠薪"],
  unpaid: ["劳动争议", "劳动", "欠薪"],
  // medical 医疗纠纷
  医闹: ["医疗纠纷", "医疗"],
  医患: ["医疗纠纷", "医疗"],
  医疗事故: ["医疗纠纷", "医疗"],
  误诊: ["医疗纠纷", "医疗"],
  看病: ["医疗纠纷", "医疗"],
  医院: ["医疗纠纷", "医疗"],
  // maritime & fishery 海事渔事纠纷
  船: ["海事渔事纠纷", "海事"],
  渔船: ["海事渔事纠纷", "海事"],
  船舶: ["海事渔事纠纷", "海事"],
  渔民: ["海事渔事纠纷", "渔事"],
  渔业: ["海事渔事纠纷", "渔事"],
  碰撞: ["海事渔事纠纷", "海事"],
  海上: ["海事渔事纠纷", "海事"],
  渔网: ["海事渔事纠纷", "渔事"],
  船撞了: ["海事渔事纠纷", "海事"],
  撞船: ["海事渔事纠纷", "海事"],
  boat: ["海事渔事纠纷", "海事"],
  boats: ["海事渔事纠纷", "海事"],
  ship: ["海事渔事纠纷", "海事"],
  fishing: ["海事渔事纠纷", "渔事"],
  fishery: ["海事渔事纠纷", "渔事"],
  // traffic 交通事故纠纷
  车祸: ["交通事故纠纷", "交通事故"],
  撞车: ["交通事故纠纷", "交通事故"],
  交通: ["交通事故纠纷", "交通事故"],
  // property 房屋质量与物业纠纷
  物业费: ["房屋质量与物业纠纷", "物业", "物业服务费"],
  漏水: ["房屋质量与物业纠纷", "房屋质量"],
  房子: ["房屋质量与物业纠纷", "房屋质量"],
  // marriage & family
  离婚: ["婚姻家庭纠纷", "婚姻家庭"],
  抚养: ["婚姻家庭纠纷", "婚姻家庭"],
  赡养: ["婚姻家庭纠纷", "婚姻家庭"],
  遗产: ["婚姻家庭纠纷", "婚姻家庭"],
  divorce: ["婚姻家庭纠纷", "婚姻家庭", "离婚"],
  divorced: ["婚姻家庭纠纷", "婚姻家庭", "离婚"],
  // environment
  污染: ["环境污染纠纷", "环境"],
  噪音: ["环境污染纠纷", "环境", "邻里纠纷"],
  环保: ["环境污染纠纷", "环境"],
  // others
  邻居: ["邻里纠纷", "邻里"],
  借钱: ["合同与借贷纠纷", "借贷"],
  欠款: ["合同与借贷纠纷", "借贷"],
  借款: ["合同与借贷纠纷", "借贷"],
  装修: ["建设工程纠纷", "建设工程"],
  工程款: ["建设工程纠纷", "建设工程"],
  游客: ["旅游纠纷", "旅游"],
  民宿: ["旅游纠纷", "旅游"],
  退货: ["消费纠纷", "消费"],
  购物: ["消费纠纷", "消费"],
  网购: ["消费纠纷", "消费"],
  外来务工: ["新居民维权", "新居民"],
  打工: ["新居民维权", "劳动争议"],
  受伤: ["人身损害赔偿纠纷", "人身损害"],
  赔偿: ["人身损害赔偿纠纷", "人身损害"],
};
