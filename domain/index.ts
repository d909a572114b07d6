// The vocabulary of ../shared/domain/DOMAIN.md as data. One place: the schema, the seed, search and the
// pages all read their slugs and labels from here, so a slug is never spelled twice.

export const MEDIATOR_KINDS = ["senior-mediator", "expert", "lawyer"] as const;
export type MediatorKind = (typeof MEDIATOR_KINDS)[number];
/** What a search hit can be: any mediator kind, or a committee. */
export const HIT_KINDS = [...MEDIATOR_KINDS, "committee"] as const;
export type HitKind = (typeof HIT_KINDS)[number];

export const KIND_LABELS: Record<HitKind, { zh: string; en: string }> = {
  "senior-mediator": { zh: "资深调解员", en: "Senior mediator" },
  expert: { zh: "调解专家", en: "Expert mediator" },
  lawyer: { zh: "律师", en: "Lawyer" },
  committee: { zh: "调解委员会", en: "Mediation committee" },
};

export const CATEGORIES = [
  { slug: "medical", zh: "医疗纠纷", en: "Medical disputes" },
  { slug: "labour", zh: "劳动争议", en: "Labour disputes" },
  { slug: "maritime-fishery", zh: "海事渔事纠纷", en: "Maritime & fishery disputes" },
  { slug: "traffic-accident", zh: "交通事故纠纷", en: "Traffic-accident disputes" },
  { slug: "property-management", zh: "房屋质量与物业纠纷", en: "Housing quality & property management" },
  { slug: "personal-injury", zh: "人身损害赔偿纠纷", en: "Personal-injury compensation" },
  { slug: "environment", zh: "环境污染纠纷", en: "Environmental pollution disputes" },
  { slug: "marriage-family", zh: "婚姻家庭纠纷", en: "Marriage & family disputes" },
  { slug: "neighbourhood", zh: "邻里纠纷", en: "Neighbourhood disputes" },
  { slug: "consumer", zh: "消费纠纷", en: "Consumer disputes" },
  { slug: "tourism", zh: "旅游纠纷", en: "Tourism disputes" },
  { slug: "construction", zh: "建设工程纠纷", en: "Construction disputes" },
  { slug: "contract-debt", zh: "合同与借贷纠纷", en: "Contract & debt disputes" },
  { slug: "migrant-workers", zh: "新居民维权", en: "New residents' (migrant workers') rights" },
] as const;
export type CategorySlug = (typeof CATEGORIES)[number]["slug"];

export const TOWNS = [
  { slug: "shenjiamen", zh: "沈家门街道", en: "Shenjiamen", island: false },
  { slug: "donggang", zh: "东港街道", en: "Donggang", island: false },
  { slug: "zhanmao", zh: "展茅街道", en: "Zhanmao", island: false },
  { slug: "goushan", zh: "勾山街道", en: "Goushan", island: false },
  { slug: "zhujiajian", zh: "朱家尖街道", en: "Zhujiajian", island: true },
  { slug: "liuheng", zh: "六横镇", en: "Liuheng", island: true },
  { slug: "taohua", zh: "桃花镇", en: "Taohua", island: true },
  { slug: "xiazhi", zh: "虾峙镇", en: "Xiazhi", island: true },
  { slug: "dongji", zh: "东极镇", en: "Dongji", island: true },
  { slug: "putuoshan", zh: "普陀山镇", en: "Putuoshan", island: true },
] as const;
export type TownSlug = (typeof TOWNS)[number]["slug"];

export const LANGUAGES = [
  { slug: "mandarin", zh: "普通话", en: "Mandarin" },
  { slug: "zhoushan-dialect", zh: "舟山话", en: "Zhoushan dialect" },
  { slug: "english", zh: "英语", en: "English" },
] as const;
export type LanguageSlug = (typeof LANGUAGES)[number]["slug"];

/** Where a session happens: at the centre, online, or on site in a town (上岛). */
export const MODES = [
  { slug: "centre", zh: "中心现场", en: "At the centre" },
  { slug: "online", zh: "线上调解", en: "Online" },
  { slug: "onsite", zh: "上门/上岛", en: "On site in town" },
] as const;
export type ModeSlug = (typeof MODES)[number]["slug"];

export const CATEGORY_SLUGS = CATEGORIES.map((c) => c.slug) as [CategorySlug, ...CategorySlug[]];
export const TOWN_SLUGS = TOWNS.map((t) => t.slug) as [TownSlug, ...TownSlug[]];
export const LANGUAGE_SLUGS = LANGUAGES.map((l) => l.slug) as [LanguageSlug, ...LanguageSlug[]];
export const MODE_SLUGS = MODES.map((m) => m.slug) as [ModeSlug, ...ModeSlug[]];

export const FACETS = ["kind", "category", "town", "mode", "language"] as const;
export type FacetName = (typeof FACETS)[number];

export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Label of any facet value in the page's language; unknown values fall back to the slug. */
export function facetLabel(facet: FacetName, slug: string, locale: Locale): string {
  const table: ReadonlyArray<{ slug: string; zh: string; en: string }> =
    facet === "kind"
      ? HIT_KINDS.map((k) => ({ slug: k, ...KIND_LABELS[k] }))
      : facet === "category"
        ? CATEGORIES
        : facet === "town"
          ? TOWNS
          : facet === "mode"
            ? MODES
            : LANGUAGES;
  return table.find((e) => e.slug === slug)?.[locale] ?? slug;
}

/** The centre's zone: availability is kept and shown in it; instants are stored in UTC. */
export const CENTRE_TIMEZONE = "Asia/Shanghai";

/** Who uses the site: a party in a dispute, a mediator, the centre's staff, its administrator. */
export const ROLES = ["party", "mediator", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const BOOKING_STATUSES = ["pending", "confirmed", "declined", "expired", "cancelled"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Who can cancel a booking. */
export const CANCELLED_BY = ["party", "mediator", "staff"] as const;
export const SESSION_KINDS = ["cookie", "token"] as const;
export const CHANNELS = ["email", "sms"] as const;
export const COMMITTEE_ROLES = ["chair", "member"] as const;
/** A case's states (DOMAIN.md "How cases flow"); `closed` carries one of CASE_OUTCOMES. */
export const CASE_STATUSES = ["submitted", "mediator-agreed", "in-mediation", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_OUTCOMES = [
  "agreement",
  "no-agreement",
  "withdrawn",
  "respondent-refused",
  "referred-arbitration",
  "referred-litigation",
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
/** How a case came in: online, or at the general intake window (综合受理窗口) in person. */
export const CASE_CHANNELS = ["online", "window"] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
/** Simple disputes are settled at once; major, difficult or group disputes go to a 3+X panel. */
export const SEVERITIES = ["simple", "major", "group"] as const;

// ── issue 9: the centre's side ──────────────────────────────────────────────────────────────────────

/** What ties a mediator to people or organisations (a small island community): a conflict of interest. */
export const TIE_KINDS = ["village", "boat", "employer", "kin", "organisation", "person"] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/**
 * The rule that decided who mediates a case, stored with each assignment: a party's pick, the mutual
 * choice, the explained suggestion (accepted by staff or applied automatically), staff's own choice
 * (with a reason), a committee's member, or the general mediation window (the last fallback).
 */
export const ASSIGNMENT_RULES = [
  "pick",
  "mutual-choice",
  "suggestion",
  "automatic",
  "staff-choice",
  "committee-member",
  "general-window",
] as const;
export type AssignmentRule = (typeof ASSIGNMENT_RULES)[number];
/** Where an assignment stands: asked and waiting, taken, or given up (and why). */
export const ASSIGNMENT_STATUSES = ["asked", "accepted", "declined", "expired", "recused", "superseded"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Who asked for a recusal. */
export const RECUSAL_BY = ["mediator", "party", "staff"] as const;
export const RECUSAL_STATUSES = ["requested", "granted", "refused"] as const;

/** What became of a session caught by a sea suspension (ferries stopped): nothing is cancelled silently. */
export const SEA_SESSION_ACTIONS = ["flagged", "moved-online", "rescheduled", "kept", "cancelled"] as const;
export type SeaSessionAction = (typeof SEA_SESSION_ACTIONS)[number];
export type Severity = (typeof SEVERITIES)[number];
export const PARTY_SIDES = ["applicant", "respondent"] as const;
export type PartySide = (typeof PARTY_SIDES)[number];
/** A respondent's answer to the invitation (or the applicant's ranking of the shortlist). */
export const CONSENT_ANSWERS = ["accepted", "ranked", "refused"] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];
export const JUDICIAL_RESULTS = ["confirmed", "rejected"] as const;
export const FULFILMENT_RESULTS = ["on-time", "late", "enforcement-requested", "enforced"] as const;
export type FulfilmentResult = (typeof FULFILMENT_RESULTS)[number];
/** Mediation is normally concluded within 30 days; some categories have a shorter time by law. */
export const DEFAULT_CASE_DAYS = 30;
/**
 * Days to conclude mediation, per category, where it differs from the default: labour disputes 15
 * (劳动争议调解仲裁法 第十四条: after 15 days without agreement a party may apply for arbitration).
 */
export const CASE_DAYS: Partial<Record<string, number>> = { labour: 15 };
export const caseDaysFor = (category: string) => CASE_DAYS[category] ?? DEFAULT_CASE_DAYS;
/** Both parties may apply for judicial confirmation within 30 days of the agreement taking effect. */
export const JUDICIAL_CONFIRMATION_DAYS = 30;
export const HIT_ENTITIES = ["mediator", "committee"] as const;
export const GENDERS = ["female", "male"] as const;

/** The number people see and say for a case: 普调〔2026〕00123号 (the migration 0006 SQL spells the same). */
export const formatCaseNumber = (year: number, seq: number) => `普调〔${year}〕${String(seq).padStart(5, "0")}号`;

/**
 * Why a case is in the staff work queue (issue 9, ADR 022): no mediator and nothing asked; the last
 * pick declined, expired or recused; a committee order waiting for a member; routed to the general
 * mediation window; flagged for the pre-litigation fast track; a party's recusal request; due soon or
 * overdue. A case may be there for several reasons at once, listed once per reason.
 */
export const QUEUE_REASONS = [
  "no-mediator",
  "pick-declined",
  "pick-expired",
  "pick-recused",
  "committee-waiting",
  "general-window",
  "pre-litigation",
  "recusal-requested",
  "due-soon",
  "overdue",
] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];
