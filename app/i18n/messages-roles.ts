// Words of the admin's roles page (/admin/roles, ADR 038): who holds which of the centre's people roles
// (the 3+X panel seats, ADR 027, and the pre-litigation team, ADR 035), granting and removing them, and
// why a change was refused. Composed into `messages` in ./messages.ts under `personRoles`.
import { CATEGORIES, type Locale } from "../../domain";
import type { PersonRole } from "../../domain/panel";
import type { PersonRoleRefusal } from "../models/person-roles.server";

const categoryName = (slug: string, locale: Locale) => CATEGORIES.find((c) => c.slug === slug)?.[locale] ?? slug;

const zh = {
  personRoles: {
    title: "人员角色",
    nav: "人员角色",
    heading: "中心人员角色",
    intro:
      "3+X 会商研判的席位（法官、首席调解员、法律援助律师、职能部门代表）和诉前调解团队（诉前调解员、指导法官）由谁担任。移除角色不影响已安排的会商，也不改变已由该法官指导的案件。",
    readOnly: "您可以查看角色；授予和移除角色由管理员操作。",
    role: {
      judge: "法官",
      "chief-mediator": "首席调解员",
      "legal-aid-lawyer": "法律援助律师",
      department: "职能部门代表",
      "pre-litigation-mediator": "诉前调解员",
      "pre-litigation-judge": "诉前调解指导法官",
    } as Record<PersonRole, string>,
    roleHint: {
      judge: "会商研判中的法官席位。",
      "chief-mediator": "会商研判中的首席调解员席位，也记录会商纪要。",
      "legal-aid-lawyer": "会商研判中的法律援助律师席位。",
      department: "会商研判中某类纠纷的职能部门代表。",
      "pre-litigation-mediator": "承办诉前调解案件；必须在公开调解员库中，当事人可以查看其资料。",
      "pre-litigation-judge": "指导诉前调解案件，标记案件时自动指派。",
    } as Record<PersonRole, string>,
    holders: "担任人员",
    name: "姓名",
    titleOrg: "职务 / 单位",
    category: "纠纷类型",
    inPool: "公开库",
    listed: "在公开库",
    unlisted: "不在公开库",
    inactive: "（已停用）",
    actions: "操作",
    none: "暂无人员担任这一角色。",
    remove: "移除",
    removeFor: (name: string, role: string) => `移除${name}的“${role}”角色`,
    grantHeading: "授予角色",
    grantIntro: "选择角色和人员。法官、律师和职能部门代表通常不在公开库中，也可以选择。",
    roleSelect: "角色",
    chooseRole: "请选择角色",
    categorySelect: "纠纷类型（仅职能部门代表）",
    categoryHint: "职能部门代表必须选择所代表的纠纷类型；其他角色不选。",
    noCategory: "不选",
    person: "人员",
    personHint: "可以按姓名、拼音或编号查找。",
    choosePerson: "请选择人员",
    grant: "授予",
    granted: (name: string, role: string) => `已将“${role}”角色授予${name}。`,
    removed: (name: string, role: string) => `已移除${name}的“${role}”角色。`,
    errors: {
      categoryRequired: "职能部门代表必须选择纠纷类型。",
      categoryNotAllowed: "只有职能部门代表需要选择纠纷类型，请改为“不选”。",
    },
    refusals: {
      role_held: "这位人员已经担任这一角色。",
      not_in_pool: "诉前调解员必须在公开调解员库中（当事人要能查看承办人的资料），请选择库中的调解员。",
      person_inactive: "这位人员已停用，不能授予新的角色。",
      role_not_held: "这位人员没有担任这一角色（可能刚被移除）。",
    } as Record<PersonRoleRefusal, string>,
    roleName: (role: PersonRole, category: string | null) =>
      role === "department" && category ? `${categoryName(category, "zh")}${zh.personRoles.role.department}` : zh.personRoles.role[role],
    kindOf: (kind: string, listed: boolean) => (listed ? kind : `${kind}·不在公开库`),
  },
};

type RoleMessages = typeof zh;

const en: RoleMessages = {
  personRoles: {
    title: "People's roles",
    nav: "Roles",
    heading: "The centre's people roles",
    intro:
      "Who sits in the 3+X joint panels' seats (judge, chief mediator, legal-aid lawyer, department representative) and who is on the pre-litigation team (its mediators and guiding judges). Removing a role leaves booked panels as they are, and a judge keeps guiding the cases already flagged to them.",
    readOnly: "You can read the roles; an administrator grants and removes them.",
    role: {
      judge: "Judge",
      "chief-mediator": "Chief mediator",
      "legal-aid-lawyer": "Legal-aid lawyer",
      department: "Department representative",
      "pre-litigation-mediator": "Pre-litigation mediator",
      "pre-litigation-judge": "Pre-litigation guiding judge",
    },
    roleHint: {
      judge: "The judge's seat on a joint panel.",
      "chief-mediator": "The chief mediator's seat on a joint panel; also records the minutes.",
      "legal-aid-lawyer": "The legal-aid lawyer's seat on a joint panel.",
      department: "A category's department representative on a joint panel.",
      "pre-litigation-mediator": "Takes the fast track's cases; must be in the public pool, where parties read their profile.",
      "pre-litigation-judge": "Guides the fast track's cases; chosen when a case is flagged.",
    },
    holders: "Held by",
    name: "Name",
    titleOrg: "Title / organisation",
    category: "Category",
    inPool: "Public pool",
    listed: "In the pool",
    unlisted: "Not in the pool",
    inactive: " (inactive)",
    actions: "Actions",
    none: "Nobody holds this role.",
    remove: "Remove",
    removeFor: (name: string, role: string) => `Remove the role “${role}” from ${name}`,
    grantHeading: "Grant a role",
    grantIntro:
      "Choose the role and the person. Judges, lawyers and department representatives, usually not in the public pool, can be chosen too.",
    roleSelect: "Role",
    chooseRole: "Choose a role",
    categorySelect: "Category (department representatives only)",
    categoryHint: "A department representative names the category whose department they represent; other roles name none.",
    noCategory: "None",
    person: "Person",
    personHint: "Find by name, pinyin or number.",
    choosePerson: "Choose a person",
    grant: "Grant",
    granted: (name: string, role: string) => `${name} now holds the role “${role}”.`,
    removed: (name: string, role: string) => `${name} no longer holds the role “${role}”.`,
    errors: {
      categoryRequired: "A department representative needs a category.",
      categoryNotAllowed: "Only a department representative names a category: choose “None”.",
    },
    refusals: {
      role_held: "This person holds that role already.",
      not_in_pool:
        "Pre-litigation mediators must be in the public pool (parties read who mediates their case): choose a mediator from the pool.",
      person_inactive: "This person is inactive and takes no new role.",
      role_not_held: "This person does not hold that role (it may have just been removed).",
    },
    roleName: (role: PersonRole, category: string | null) =>
      role === "department" && category ? `${en.personRoles.role.department}, ${categoryName(category, "en")}` : en.personRoles.role[role],
    kindOf: (kind: string, listed: boolean) => (listed ? kind : `${kind}, not in the pool`),
  },
};

export const roleMessages = { zh, en };
