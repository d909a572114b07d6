// Words of the API reference page (/developers) and the operations' summaries, in both languages. The
// OpenAPI description (app/openapi) takes its English summaries from here, so the page and the document
// say the same thing. Composed into `messages` in ./messages.ts.
import type { OperationId, TagId } from "../openapi/operations";

type Words = {
  apiDocs: {
    title: string;
    heading: string;
    intro: string;
    download: string;
    authHeading: string;
    auth: string[];
    errorsHeading: string;
    errors: string;
    fuzz: string;
    contents: string;
    method: string;
    path: string;
    auth_: { none: string; required: string; codeOrAccount: string };
    roles: (roles: string) => string;
    parameters: string;
    name: string;
    in: string;
    type: string;
    required: string;
    yes: string;
    no: string;
    body: string;
    responses: string;
    status: string;
    schema: string;
    schemasHeading: string;
    noParameters: string;
    tags: Record<TagId, string>;
    operations: Record<OperationId, string>;
  };
};

const zh: Words = {
  apiDocs: {
    title: "开放接口说明",
    heading: "开放接口（/api/v1）说明",
    intro:
      "调解点单的全部功能都可以通过 JSON 接口使用：搜索调解员、查看空闲时段、预约、立案和跟进案件。下面列出每个接口的参数、请求内容和返回内容；机器可读的 OpenAPI 3.1 描述由接口所用的同一套校验规则生成。",
    download: "下载 OpenAPI 描述（JSON）",
    authHeading: "身份认证",
    auth: [
      "用邮箱和密码调用 POST /api/v1/auth/token 换取令牌，之后在请求头中带上 Authorization: Bearer <令牌>。令牌可以用 DELETE /api/v1/auth/token 注销。",
      "浏览器中已登录的会话（Cookie sid）也可以调用接口；用 Cookie 提交修改时，还需同源请求并在 X-CSRF-Token 请求头中带上会话的 CSRF 令牌。",
      "被邀请的对方当事人可以不登录，凭邀请码（请求内容中的 code）答复、确认协议或评价。",
    ],
    errorsHeading: "错误",
    errors:
      '所有错误都以 {"error": {"code", "message", "fields"}} 的形式返回：code 是固定的英文代码，fields 按字段列出问题。请求内容最多 1 MiB。',
    fuzz: "本说明由测试逐一核对：每个接口都有描述，实际返回符合描述，Schemathesis 生成的请求不会引起服务器错误。",
    contents: "目录",
    method: "方法",
    path: "路径",
    auth_: { none: "无需登录", required: "需要登录", codeOrAccount: "登录或凭邀请码" },
    roles: (roles) => `限角色：${roles}`,
    parameters: "参数",
    name: "名称",
    in: "位置",
    type: "类型",
    required: "必填",
    yes: "是",
    no: "否",
    body: "请求内容",
    responses: "返回",
    status: "状态码",
    schema: "内容",
    schemasHeading: "数据结构",
    noParameters: "无",
    tags: {
      pool: "调解力量",
      accounts: "账号",
      bookings: "预约",
      cases: "案件",
      centre: "中心统计",
      meta: "接口说明",
    },
    operations: {
      searchPool: "搜索调解员、专家、律师和调委会",
      getMediator: "调解员详情",
      getMediatorSlots: "调解员的空闲时段",
      getMediatorRecord: "调解员近12个月的调解成效",
      getCommittee: "调委会详情",
      getCommitteeSlots: "调委会的空闲时段（成员空闲时段的合集）",
      getCommitteeRecord: "调委会近12个月的调解成效",
      createToken: "用邮箱和密码（或手机号和验证码）换取令牌",
      requestOtp: "向手机号发送登录或重设密码的验证码",
      revokeToken: "注销本次请求所带的令牌",
      register: "注册当事人账号",
      logoutEverywhere: "注销本人所有会话和令牌",
      getMe: "当前账号",
      getAvailability: "调解员本人的可预约时间",
      putAvailability: "修改调解员本人的可预约时间",
      listBookings: "我的预约（工作人员可见全部）",
      createBooking: "预约调解员或调委会（当事人）",
      getBooking: "预约详情",
      confirmBooking: "确认预约（调解员）",
      declineBooking: "婉拒预约（调解员）",
      cancelBooking: "取消预约",
      rescheduleBooking: "改约（当事人；已确认的调解在新时间确认前保留原时间）",
      proposeBookingTime: "为已确认的调解提议另一个时间（调解员或代调解员的工作人员）",
      answerBookingProposal: "同意或不同意调解员提议的新时间（当事人）",
      getBookingAlternatives: "可替代的调解员",
      getBookingCalendar: "已确认预约的日历文件（.ics）",
      listCases: "案件列表",
      fileCase: "申请调解（立案）",
      getCase: "案件详情",
      consentCase: "答复调解邀请：同意、排序或拒绝",
      acknowledgeAgreement: "确认调解协议",
      recordOutcome: "记录调解结果",
      recordJudicialConfirmation: "记录司法确认",
      recordFulfilment: "记录协议履行情况（工作人员）",
      rateCase: "评价调解",
      withdrawCase: "撤回调解申请",
      getCaseAudit: "案件操作记录（工作人员）",
      getAgreementPdf: "调解协议书（PDF）",
      hideRating: "隐藏不当评价内容（工作人员）",
      suggestFallback: "兜底：中心建议的调解员及理由（工作人员；不预约）",
      assignCase: "指派调解员：采纳建议或另选（工作人员）",
      declineCaseAssignment: "调解员婉拒案件（或工作人员代为婉拒）",
      recuseFromCase: "调解员回避，或工作人员决定当事人的回避申请",
      requestRecusal: "当事人申请调解员回避",
      getStats: "中心统计数据（工作人员）",
      getWorkQueue: "工作队列：等待中心处理的案件及原因（工作人员）",
      flagPreLitigation: "把简易案件转诉前调解快速通道（工作人员）",
      getOpenApi: "本接口的 OpenAPI 3.1 描述",
      declareSeaSuspension: "登记海上停航，找出需要过海的调解并通知（工作人员）",
      listSeaSuspensions: "停航记录及受影响的调解（工作人员）",
      answerSeaOffer: "因停航：改为同一时间线上调解，或保持原定（当事人或代当事人的工作人员）",
      suggestPanelSlots: "会商研判：各席位人员和会议室都有空的最早时间（工作人员）",
      bookPanel: "预约会商研判：全体人员和会议室一次预约，有人已被占用则什么都不约（工作人员）",
      listPanels: "会商研判列表（工作人员；成员看到自己参加的）",
      getPanel: "一次会商研判：席位、答复和纪要（工作人员和成员）",
      answerPanelSeat: "确认或谢绝会商席位（成员本人，或代成员的工作人员）",
      listPanelReplacements: "可以替换婉拒成员的人员（工作人员）",
      replacePanelMember: "另请人员替换婉拒的会商成员（工作人员）",
      cancelPanel: "取消会商并说明原因（工作人员）",
      recordPanelMinutes: "记录会商纪要：发言、处置方案、不同意见和结论（工作人员或首席调解员）",
      getPersonSlots: "可参加会商的人员的空闲时间，不论是否在公开名册中（工作人员）",
    },
  },
};

const en: Words = {
  apiDocs: {
    title: "API reference",
    heading: "The API (/api/v1)",
    intro:
      "Everything Order-a-Mediator does can be done through its JSON API: search the pool, read free times, book, file and follow cases. Below are every operation's parameters, request body and answers; the machine-readable OpenAPI 3.1 description is generated from the same schemas the API validates with.",
    download: "Download the OpenAPI description (JSON)",
    authHeading: "Authentication",
    auth: [
      "Exchange an email and password for a token with POST /api/v1/auth/token, then send Authorization: Bearer <token>. DELETE /api/v1/auth/token revokes it.",
      "A signed-in browser session (the sid cookie) works too; a write with the cookie must be same-origin and carry the session's CSRF token in an X-CSRF-Token header.",
      "An invited respondent may answer, acknowledge the agreement or rate without an account, with the invitation code (`code` in the body).",
    ],
    errorsHeading: "Errors",
    errors:
      'Every refusal is {"error": {"code", "message", "fields"}}: code is a stable English code, fields lists what is wrong per field. Bodies are at most 1 MiB.',
    fuzz: "Tests hold this description to the code: every route is described, real answers fit it, and requests generated by Schemathesis cause no server error.",
    contents: "Contents",
    method: "Method",
    path: "Path",
    auth_: { none: "No sign-in", required: "Signed in", codeOrAccount: "Signed in or invitation code" },
    roles: (roles) => `Roles: ${roles}`,
    parameters: "Parameters",
    name: "Name",
    in: "In",
    type: "Type",
    required: "Required",
    yes: "yes",
    no: "no",
    body: "Request body",
    responses: "Responses",
    status: "Status",
    schema: "Body",
    schemasHeading: "Schemas",
    noParameters: "None",
    tags: {
      pool: "The pool",
      accounts: "Accounts",
      bookings: "Bookings",
      cases: "Cases",
      centre: "The centre's figures",
      meta: "This description",
    },
    operations: {
      searchPool: "Search mediators, experts, lawyers and committees",
      getMediator: "A mediator's profile",
      getMediatorSlots: "A mediator's free slots",
      getMediatorRecord: "A mediator's record over the last 12 months",
      getCommittee: "A committee's profile",
      getCommitteeSlots: "A committee's free slots (the union of its members')",
      getCommitteeRecord: "A committee's record over the last 12 months",
      createToken: "Exchange email and password (or a phone and its code) for a bearer token",
      requestOtp: "Send a sign-in or password-reset code to a mobile number",
      revokeToken: "Revoke the token this request carries",
      register: "Register a party account",
      logoutEverywhere: "Revoke every session and token of the caller",
      getMe: "The caller's account",
      getAvailability: "The calling mediator's availability",
      putAvailability: "Replace the calling mediator's availability",
      listBookings: "The caller's bookings (all of them for staff)",
      createBooking: "Book a mediator or a committee (parties)",
      getBooking: "A booking",
      confirmBooking: "Confirm a booking (mediators)",
      declineBooking: "Decline a booking (mediators)",
      cancelBooking: "Cancel a booking",
      rescheduleBooking: "Move a booking (parties; a confirmed session keeps its time until the new one is confirmed)",
      proposeBookingTime: "Propose another time for a confirmed session (the mediator, or staff for them)",
      answerBookingProposal: "Accept or refuse the mediator's proposed time (the party)",
      getBookingAlternatives: "Mediators who could take the booking instead",
      getBookingCalendar: "A confirmed booking as a calendar file (.ics)",
      listCases: "Cases",
      fileCase: "File a case",
      getCase: "A case",
      consentCase: "Answer the invitation: accept, rank or refuse",
      acknowledgeAgreement: "Acknowledge the agreement",
      recordOutcome: "Record how mediation ended",
      recordJudicialConfirmation: "Record a judicial confirmation",
      recordFulfilment: "Record how an instalment was fulfilled (staff)",
      rateCase: "Rate the mediation",
      withdrawCase: "Withdraw the request",
      getCaseAudit: "A case's log (staff)",
      getAgreementPdf: "The mediation agreement (PDF)",
      hideRating: "Hide an abusive rating comment (staff)",
      suggestFallback: "Fallback: the centre's suggested mediator and why (staff; nothing booked)",
      assignCase: "Assign a mediator: accept the suggestion or choose another (staff)",
      declineCaseAssignment: "The asked mediator declines the case (or staff for them)",
      recuseFromCase: "A mediator recuses, or staff decide a party's recusal request",
      requestRecusal: "A party asks for the mediator's recusal",
      getStats: "The centre's figures (staff)",
      getWorkQueue: "The work queue: cases waiting for the centre, and why (staff)",
      flagPreLitigation: "Send a simple case to the pre-litigation fast track (staff)",
      getOpenApi: "This API's OpenAPI 3.1 description",
      declareSeaSuspension: "Declare a ferry suspension: find the sessions that need a crossing and tell everyone (staff)",
      listSeaSuspensions: "Ferry suspensions and the sessions they caught (staff)",
      answerSeaOffer: "Ferries suspended: move the session online at the same time, or keep it (the party, or staff for them)",
      suggestPanelSlots: "Joint panel: the earliest times every seat's person and a room are free (staff)",
      bookPanel: "Book a joint panel: everyone and the room at once, or nothing when someone is taken (staff)",
      listPanels: "Joint panels (staff; a member sees the panels they sit on)",
      getPanel: "One joint panel: its seats, answers and minutes (staff and its members)",
      answerPanelSeat: "Confirm or decline a panel seat (the member, or staff for them)",
      listPanelReplacements: "Who may replace a member who declined (staff)",
      replacePanelMember: "Seat a replacement for a member who declined (staff)",
      cancelPanel: "Cancel a panel with a reason (staff)",
      recordPanelMinutes: "Record a panel's minutes: who said what, the plan, dissent, the outcome (staff or the chief mediator)",
      getPersonSlots: "Free slots of anyone who may sit on a panel, in the public pool or not (staff)",
    },
  },
};

export const apiDocsMessages = { zh, en };
