// The admin's small form for a staff account's town office (issue 9): that town's cases are told to
// them. A plain POST with the CSRF token; the accounts page's action takes intent "town".
import { Form } from "@remix-run/react";
import { TOWNS } from "../../domain";
import { CsrfInput } from "~/components/session";
import { useLocale, useT } from "~/i18n";

export function QueueTownForm({ userId, name, town }: { userId: number; name: string; town: string | null }) {
  const t = useT();
  const locale = useLocale();
  const id = `town-${userId}`;
  return (
    <Form method="post" className="town-staff-form" style={{ display: "inline-flex", flexWrap: "wrap", gap: "0.4rem", alignItems: "end" }}>
      <CsrfInput />
      <input type="hidden" name="intent" value="town" />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="name" value={name} />
      <span className="field" style={{ margin: 0 }}>
        <label htmlFor={id}>{t.townStaff.label}</label>
        <select id={id} name="town" defaultValue={town ?? ""}>
          <option value="">{t.townStaff.none}</option>
          {TOWNS.map((x) => (
            <option key={x.slug} value={x.slug}>
              {x[locale]}
            </option>
          ))}
        </select>
      </span>
      <button type="submit" className="button button-small">
        {t.townStaff.save}
      </button>
    </Form>
  );
}
