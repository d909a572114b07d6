// /admin/roles (ADR 038): who holds each of the centre's people roles (the 3+X panel seats, ADR 027, and
// the pre-litigation team, ADR 035), a "remove" button per holder and a form to grant one. Staff read
// the page; only an admin changes it (the model checks again). The person is chosen with the admin's
// mediator picker (ADR 034) over every active person, in the public pool or not: judges never are.
// Without JavaScript the picker's GET search (?find=) narrows the server's <select>. Each change posts
// an `intent` and comes back as a redirect with its notice (POST-redirect-GET).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, FieldErrors, Notice } from "~/components/forms";
import { MediatorField, MediatorFindForm } from "~/components/mediator-picker";
import { CsrfInput } from "~/components/session";
import { useHydrated } from "~/components/use-hydrated";
import { getDb } from "~/db.server";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { isDomainError } from "~/models/errors";
import { grantPersonRole, listPersonRoles, personRoleSchema, removePersonRole, rolePersonChoices } from "~/models/person-roles.server";
import { STATUS_OF } from "~/utils/api-handler.server";
import { fieldErrors } from "~/utils/forms.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";
import { CATEGORY_SLUGS, facetLabel, KIND_LABELS } from "../../domain";
import { PERSON_ROLES, type PersonRole } from "../../domain/panel";

const isRole = (v: string | null): v is PersonRole => (PERSON_ROLES as readonly string[]).includes(v ?? "");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["staff", "admin"]);
  const locale = getLocale(request);
  const url = new URL(request.url);
  const roles = listPersonRoles(getDb(), { actor: user });
  const admin = user.role === "admin";
  const p = messages[locale].personRoles;
  const choices = admin
    ? rolePersonChoices(getDb(), { actor: user }).map((m) => ({ ...m, kind: p.kindOf(KIND_LABELS[m.kind][locale], m.listed) }))
    : [];
  // The notice of the change just made (?granted= or ?removed= person id, with role and category).
  const done = url.searchParams.has("granted") ? "granted" : url.searchParams.has("removed") ? "removed" : null;
  const role = url.searchParams.get("role");
  let notice: string | null = null;
  if (done && isRole(role)) {
    const id = Number(url.searchParams.get(done));
    const name = choices.find((c) => c.id === id)?.name ?? roles.flatMap((r) => r.holders).find((h) => h.personId === id)?.name ?? `#${id}`;
    notice = p[done](name, p.roleName(role, url.searchParams.get("category")));
  }
  return { roles, admin, choices, find: (url.searchParams.get("find") ?? "").trim().slice(0, 40), notice };
}

type Values = { role: string; category: string; mediatorId: string };

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["admin"]);
  const form = await request.formData();
  requireCsrf(request, auth, form);
  const locale = getLocale(request);
  const p = messages[locale].personRoles;
  const intent = String(form.get("intent") ?? "");
  const field = (k: string) => String(form.get(k) ?? "");
  // The picker posts `mediatorId`; a remove button names its holder as `personId`.
  const values: Values = {
    role: field("role"),
    category: field("category"),
    mediatorId: field(intent === "remove" ? "personId" : "mediatorId"),
  };
  const parsed = personRoleSchema.safeParse(
    { personId: values.mediatorId, role: values.role, category: values.category },
    { reportInput: true },
  );
  if (!parsed.success) {
    const { personId, category, ...errors } = fieldErrors(parsed.error, locale);
    if (category) errors.category = [values.role === "department" ? p.errors.categoryRequired : p.errors.categoryNotAllowed];
    if (personId) errors.mediatorId = [p.choosePerson];
    return data({ intent, errors, values, refusal: null }, { status: 400 });
  }
  const input = { ...parsed.data, category: parsed.data.category ?? null };
  const query = new URLSearchParams({ role: input.role, ...(input.category ? { category: input.category } : {}) });
  try {
    if (intent === "remove") {
      await removePersonRole(getDb(), { actor: auth.user, now: Date.now(), ...input });
      return redirect(`/admin/roles?removed=${input.personId}&${query}`);
    }
    await grantPersonRole(getDb(), { actor: auth.user, now: Date.now(), ...input });
    return redirect(`/admin/roles?granted=${input.personId}&${query}`);
  } catch (error) {
    if (!isDomainError(error) || (error.code !== "not_found" && error.code !== "illegal_transition")) throw error;
    const reason = error.detail?.field === "person" ? p.refusals[error.detail.reason] : p.choosePerson;
    const status = STATUS_OF[error.code];
    // A grant's refusal is about the person chosen; a removal's stands above the lists.
    if (intent === "remove") return data({ intent, errors: {}, values, refusal: reason }, { status });
    return data({ intent, errors: { mediatorId: [reason] } as Record<string, string[]>, values, refusal: null }, { status });
  }
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.personRoles.title} · ${t.siteName}` }, { name: "description", content: t.personRoles.intro }];
};

export default function RolesPage() {
  const { roles, admin, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const p = t.personRoles;
  return (
    <div className="admin-page roles-page">
      <h1>{p.heading}</h1>
      <p className="lead">{p.intro}</p>
      {notice && !answer ? <Notice>{notice}</Notice> : null}
      {answer?.refusal ? <Notice kind="error">{answer.refusal}</Notice> : null}
      {admin ? <GrantForm /> : <p className="muted">{p.readOnly}</p>}
      {roles.map((r) => (
        <RoleSection key={r.role} role={r.role} holders={r.holders} admin={admin} />
      ))}
    </div>
  );
}

function GrantForm() {
  const { choices, find } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const reply = answer?.intent === "grant" ? answer : undefined;
  const errors: Record<string, string[] | undefined> = reply?.errors ?? {};
  const t = useT();
  const p = t.personRoles;
  const locale = useLocale();
  const hydrated = useHydrated();
  const [role, setRole] = useState(reply?.values.role ?? "");
  const initialId = Number(reply?.values.mediatorId) || null;
  return (
    <section className="panel" aria-labelledby="grant-heading">
      <h2 id="grant-heading">{p.grantHeading}</h2>
      <p className="small muted">{p.grantIntro}</p>
      {!hydrated ? <MediatorFindForm find={find} /> : null}
      <Form method="post" action="/admin/roles" className="form-panel-body" noValidate>
        <ErrorSummary
          focusKey={reply}
          items={[
            { id: "grant-role", label: p.roleSelect, errors: errors.role },
            { id: "grant-category", label: p.categorySelect, errors: errors.category },
            { id: "grant-person", label: p.person, errors: errors.mediatorId },
          ]}
        />
        <CsrfInput />
        <input type="hidden" name="intent" value="grant" />
        <div className="form-grid">
          <div className="field">
            <label htmlFor="grant-role">{p.roleSelect}</label>
            <select
              id="grant-role"
              name="role"
              value={role}
              onChange={(e) => setRole(e.target.value)}
              aria-invalid={errors.role ? true : undefined}
              aria-describedby={errors.role ? "grant-role-error" : undefined}
            >
              <option value="">{p.chooseRole}</option>
              {PERSON_ROLES.map((r) => (
                <option key={r} value={r}>
                  {p.role[r]}
                </option>
              ))}
            </select>
            <FieldErrors id="grant-role-error" errors={errors.role} />
          </div>
          {/* Without JavaScript the category is always shown (its hint says when it counts). */}
          {!hydrated || role === "department" ? (
            <div className="field">
              <label htmlFor="grant-category">{p.categorySelect}</label>
              <p id="grant-category-hint" className="field-hint">
                {p.categoryHint}
              </p>
              <select
                id="grant-category"
                name="category"
                defaultValue={reply?.values.category ?? ""}
                aria-invalid={errors.category ? true : undefined}
                aria-describedby={errors.category ? "grant-category-hint grant-category-error" : "grant-category-hint"}
              >
                <option value="">{p.noCategory}</option>
                {CATEGORY_SLUGS.map((c) => (
                  <option key={c} value={c}>
                    {facetLabel("category", c, locale)}
                  </option>
                ))}
              </select>
              <FieldErrors id="grant-category-error" errors={errors.category} />
            </div>
          ) : null}
        </div>
        <MediatorField
          id="grant-person"
          hintId="grant-person-hint"
          errorId="grant-person-error"
          label={p.person}
          hint={p.personHint}
          errors={errors.mediatorId}
          options={choices}
          initialId={initialId}
          find={find}
          noneLabel={p.choosePerson}
        />
        <button type="submit" className="button button-primary">
          {p.grant}
        </button>
      </Form>
    </section>
  );
}

type Holder = ReturnType<typeof useLoaderData<typeof loader>>["roles"][number]["holders"][number];

function RoleSection({ role, holders, admin }: { role: PersonRole; holders: Holder[]; admin: boolean }) {
  const t = useT();
  const p = t.personRoles;
  const lang = dataLang(useLocale());
  const locale = useLocale();
  const headingId = `role-${role}`;
  return (
    <section aria-labelledby={headingId} className="role-section">
      <h2 id={headingId}>
        {p.role[role]} <span className="muted small">({holders.length})</span>
      </h2>
      <p className="small muted">{p.roleHint[role]}</p>
      {holders.length === 0 ? (
        <p>{p.none}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{`${p.role[role]} · ${p.holders}`}</caption>
          <thead>
            <tr>
              <th scope="col">{p.name}</th>
              <th scope="col">{p.titleOrg}</th>
              {role === "department" ? <th scope="col">{p.category}</th> : null}
              <th scope="col">{p.inPool}</th>
              {admin ? <th scope="col">{p.actions}</th> : null}
            </tr>
          </thead>
          <tbody>
            {holders.map((h) => (
              <tr key={`${h.personId}-${h.category ?? ""}`}>
                <td data-label={p.name} lang={lang}>
                  {h.name}
                  {h.active ? null : p.inactive}
                </td>
                <td data-label={p.titleOrg} lang={lang}>
                  {[h.title, h.organisation].filter(Boolean).join(" · ")}
                </td>
                {role === "department" ? (
                  <td data-label={p.category}>{h.category ? facetLabel("category", h.category, locale) : "—"}</td>
                ) : null}
                <td data-label={p.inPool}>{h.listed ? p.listed : p.unlisted}</td>
                {admin ? (
                  <td data-label={p.actions}>
                    <Form method="post" action="/admin/roles" className="inline-form">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="personId" value={h.personId} />
                      <input type="hidden" name="role" value={role} />
                      <input type="hidden" name="category" value={h.category ?? ""} />
                      <button
                        type="submit"
                        className="button button-small button-danger"
                        aria-label={p.removeFor(h.name, p.roleName(role, h.category))}
                      >
                        {p.remove}
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
