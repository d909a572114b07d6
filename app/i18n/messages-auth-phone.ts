// Words of signing in by phone, forgotten passwords, the personal-data notice (/privacy) and a party's
// own data on /account (issue 11), in both languages. Spread into the account words
// (./messages-accounts.ts), so `messages` needs no line of its own for them.

const zh = {
  phoneAuth: {
    methodsLabel: "登录方式",
    byPhone: "手机验证码登录",
    byEmail: "邮箱密码登录",
    phone: "手机号码",
    phoneHint: "11 位中国大陆手机号码，可带 +86 或空格。",
    sendCode: "获取验证码",
    sending: "正在发送…",
    sentTo: (masked: string) => `如果号码 ${masked} 可以接收短信，验证码已发出，5 分钟内有效。`,
    code: "验证码",
    codeHint: "短信中的 6 位数字。请勿告诉任何人。",
    newHere: "第一次使用这个号码？登录即为您创建当事人账号。",
    name: "怎么称呼您（选填）",
    nameHint: "调解员和中心工作人员会看到这个称呼；不填则显示号码的后四位。",
    consent: "我已阅读并同意《个人信息处理说明》",
    consentLink: "阅读《个人信息处理说明》",
    verify: "登录",
    verifying: "正在登录…",
    resend: "重新发送验证码",
    otherPhone: "换一个号码",
    invalidCode: "验证码不正确或已失效（5 分钟内有效，最多试 5 次）。请重新获取。",
    consentRequired: "这个号码还没有账号。请勾选同意《个人信息处理说明》后再登录，即可创建账号。",
    wait: (seconds: number) => `请 ${seconds} 秒后再获取验证码。`,
    forgot: "忘记密码？",
  },
  reset: {
    title: "找回密码",
    heading: "找回密码",
    intro: "用注册时的手机号码接收验证码，或用电子邮箱接收重设链接。",
    byPhone: "用手机号码找回",
    byEmail: "用电子邮箱找回",
    sendLink: "发送重设链接",
    linkSent: "如果这个邮箱属于某个账号，重设链接已发出，30 分钟内有效。",
    codeSent: (masked: string) => `如果号码 ${masked} 属于某个账号，验证码已发出，5 分钟内有效。`,
    newPassword: "新密码",
    confirm: "再次填写新密码",
    save: "设置新密码",
    saving: "正在保存…",
    linkHeading: "设置新密码",
    linkDead: "这个链接已失效（30 分钟内有效，只能使用一次）。请重新申请。",
    codeWrong: "验证码不正确或已失效。请重新获取。",
    again: "重新申请",
    done: "密码已重设，其他设备上的登录已退出。",
  },
  privacy: {
    title: "个人信息处理说明",
    version: (v: string) => `版本 ${v}`,
    sections: [
      {
        heading: "我们收集什么",
        body: "您的手机号码；您选填的称呼、电子邮箱和密码（只保存不可还原的散列值）；您提交的纠纷情况、对方当事人的姓名和电话、预约和评价；登录时的网络地址（只用于防止滥用，一小时后删除）。",
      },
      {
        heading: "为什么收集",
        body: "为了让您登录、预约调解员、接收预约和案件的短信或邮件通知，让调解员和中心工作人员联系您、办理您的纠纷。我们不用于广告，不出售、不向无关的人提供。",
      },
      {
        heading: "保存多久",
        body: "账号存在期间保存。您可以随时在“我的账号”中删除：姓名、手机号码和电子邮箱会被抹去；已办结案件的记录（人民调解工作档案）依法保留，但不再带有您的姓名和联系方式。验证码 5 分钟后失效。",
      },
      {
        heading: "谁能看到",
        body: "您本人；您案件的调解员；中心工作人员。对方当事人只能看到案件需要的内容。调解员的公开页面只显示统计数字，不显示任何当事人的信息。",
      },
      {
        heading: "您的权利",
        body: "依照《中华人民共和国个人信息保护法》，您可以查阅、复制（在“我的账号”下载）、更正和删除您的个人信息，也可以撤回同意（删除账号即撤回）。如有疑问，请到中心窗口或致电中心。",
      },
    ],
  },
  personalData: {
    heading: "我的个人信息",
    intro: "您可以下载我们保存的关于您的全部信息（JSON 文件），或删除您的个人信息。",
    download: "下载我的信息",
    consentAt: (when: string, v: string) => `您于 ${when} 同意了《个人信息处理说明》（版本 ${v}）。`,
    noConsent: "没有同意记录（账号在说明发布前开设）。",
    deleteHeading: "删除我的个人信息",
    deleteIntro:
      "删除后，您的姓名、手机号码和电子邮箱会被抹去，所有设备退出登录，账号不能再使用。已办结案件的记录依法保留，但不再带有您的姓名和联系方式。尚未办结的案件需要先撤回。",
    deleteConfirm: "我明白删除后不能恢复",
    deleteButton: "删除我的个人信息",
    openCases: (numbers: string) => `您还有尚未办结的案件（${numbers}）。请先撤回或等待办结，再删除个人信息。`,
    confirmRequired: "请勾选“我明白删除后不能恢复”。",
    deleted: "您的个人信息已删除。",
  },
};

export type AuthPhoneMessages = typeof zh;

const en: AuthPhoneMessages = {
  phoneAuth: {
    methodsLabel: "Ways to sign in",
    byPhone: "Code by text message",
    byEmail: "E-mail and password",
    phone: "Mobile number",
    phoneHint: "An 11-digit mainland China mobile number; +86 and spaces are fine.",
    sendCode: "Send me a code",
    sending: "Sending…",
    sentTo: (masked: string) => `If ${masked} can receive text messages, a code is on its way. It works for 5 minutes.`,
    code: "Code",
    codeHint: "The 6 digits in the text message. Never share them.",
    newHere: "First time with this number? Signing in opens a party account for you.",
    name: "What should we call you (optional)",
    nameHint: "Mediators and the centre's staff see this; left empty, the last four digits of the number show.",
    consent: "I have read and agree to the personal data notice",
    consentLink: "Read the personal data notice",
    verify: "Sign in",
    verifying: "Signing in…",
    resend: "Send a new code",
    otherPhone: "Use another number",
    invalidCode: "The code is wrong or no longer valid (it works for 5 minutes and 5 tries). Ask for a new one.",
    consentRequired: "This number has no account yet. Tick your agreement to the personal data notice and sign in again to open one.",
    wait: (seconds: number) => `Please wait ${seconds} seconds before asking for another code.`,
    forgot: "Forgotten your password?",
  },
  reset: {
    title: "Reset your password",
    heading: "Reset your password",
    intro: "Get a code on the mobile number of your account, or a reset link by e-mail.",
    byPhone: "By mobile number",
    byEmail: "By e-mail",
    sendLink: "Send a reset link",
    linkSent: "If this address belongs to an account, a reset link is on its way. It works for 30 minutes.",
    codeSent: (masked: string) => `If ${masked} belongs to an account, a code is on its way. It works for 5 minutes.`,
    newPassword: "New password",
    confirm: "New password again",
    save: "Set the new password",
    saving: "Saving…",
    linkHeading: "Choose a new password",
    linkDead: "This link no longer works (it lasts 30 minutes and works once). Ask for a new one.",
    codeWrong: "The code is wrong or no longer valid. Ask for a new one.",
    again: "Ask again",
    done: "Your password is reset, and you are signed out everywhere else.",
  },
  privacy: {
    title: "Personal data notice",
    version: (v: string) => `Version ${v}`,
    sections: [
      {
        heading: "What we collect",
        body: "Your mobile number; the name, e-mail address and password you choose to give (the password only as an irreversible hash); what you tell us about your dispute, the other side's name and phone, your bookings and ratings; the network address you sign in from (only against abuse, deleted after an hour).",
      },
      {
        heading: "Why",
        body: "So that you can sign in, book a mediator, get text messages or e-mails about your bookings and cases, and so that mediators and the centre's staff can reach you and handle your dispute. Never for advertising; never sold or given to anyone else.",
      },
      {
        heading: "How long",
        body: "As long as your account exists. You can delete it at any time under My account: your name, mobile number and e-mail are erased; the records of closed cases (the People's Mediation files) are kept as the law requires, without your name or contact details. Codes lapse after 5 minutes.",
      },
      {
        heading: "Who sees it",
        body: "You; the mediator of your case; the centre's staff. The other side sees what the case needs. A mediator's public page shows figures only, never anything about a party.",
      },
      {
        heading: "Your rights",
        body: "Under the Personal Information Protection Law of the PRC you may see, copy (download under My account), correct and delete your personal data, and withdraw your consent (deleting the account withdraws it). Questions: the centre's window or its phone.",
      },
    ],
  },
  personalData: {
    heading: "My personal data",
    intro: "Download everything we keep about you (a JSON file), or delete your personal data.",
    download: "Download my data",
    consentAt: (when: string, v: string) => `You agreed to the personal data notice (version ${v}) on ${when}.`,
    noConsent: "No consent on record (the account predates the notice).",
    deleteHeading: "Delete my personal data",
    deleteIntro:
      "Your name, mobile number and e-mail are erased, you are signed out everywhere and the account can no longer be used. The records of closed cases are kept as the law requires, without your name or contact details. Open cases must be withdrawn first.",
    deleteConfirm: "I understand this cannot be undone",
    deleteButton: "Delete my personal data",
    openCases: (numbers: string) =>
      `You still have open cases (${numbers}). Withdraw them or wait until they close, then delete your data.`,
    confirmRequired: "Tick “I understand this cannot be undone”.",
    deleted: "Your personal data has been deleted.",
  },
};

export const authPhoneMessages = { zh, en };
