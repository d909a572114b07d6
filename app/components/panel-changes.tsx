// Staff's changes to a booked 3+X joint panel (issue 9): seat a replacement beside a declined member
// (the free candidates the model offers, in a select), and cancel the panel with a required reason.
// Plain POST forms with CSRF to /panels/:id; a refusal is shown next to its field (FieldErrors).
import { Form } from "@remix-run/react";
import { FieldErrors } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { dataLang, useLocale, useT } from "~/i18n";
import type { PanelCandidateView, PanelMemberView } from "~/models/panel-types";

/** What the panel page's action answers with on a refusal: which form, which seat, and the words. */
export interface PanelChangeFailure {
  error: string;
  intent: "answer" | "replace" | "cancel";
  declinedPersonId?: number;
  reason?: string;
}

export function ReplaceSeatForm({
  panelId,
  member,
  candidates,
  failed,
}: {
  panelId: number;
  member: PanelMemberView;
  candidates: PanelCandidateView[];
  failed?: PanelChangeFailure | null;
}) {
  const t = useT();
  const p = t.panels;
  const locale = useLocale();
  const id = `replace-${panelId}-${member.personId}`;
  const error = failed?.intent === "replace" && failed.declinedPersonId === member.personId ? failed.error : null;
  if (candidates.length === 0)
    return (
      <p className="small muted panel-replace-none" id={id}>
        {p.replaceNone}
      </p>
    );
  return (
    <Form method="post" action={`/panels/${panelId}`} className="panel-replace-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="replace" />
      <input type="hidden" name="declinedPersonId" value={member.personId} />
      <label htmlFor={id} className="small">
        {p.replaceLabel(member.name, p.roleName(member.seat))}
      </label>
      <select
        id={id}
        name="personId"
        required
        defaultValue=""
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{p.choosePersonToReplace}</option>
        {candidates.map((c) => (
          <option key={c.personId} value={c.personId} lang={dataLang(locale)}>
            {[c.name, c.title, c.organisation].filter(Boolean).join(" · ")}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-error`} errors={error ? [error] : null} />
      <button type="submit" className="button">
        {p.replaceButton}
      </button>
    </Form>
  );
}

export function CancelPanelForm({ panelId, failed }: { panelId: number; failed?: PanelChangeFailure | null }) {
  const t = useT();
  const p = t.panels;
  const error = failed?.intent === "cancel" ? failed.error : null;
  return (
    <Form method="post" action={`/panels/${panelId}`} className="panel-cancel-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="cancel" />
      <p>{p.cancelIntro}</p>
      <div className="field">
        <label htmlFor="panel-cancel-reason">{p.cancelReasonLabel}</label>
        <p className="hint" id="panel-cancel-reason-hint">
          {p.cancelReasonHint}
        </p>
        <textarea
          id="panel-cancel-reason"
          name="reason"
          rows={3}
          required
          minLength={2}
          maxLength={500}
          defaultValue={failed?.intent === "cancel" ? (failed.reason ?? "") : ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "panel-cancel-reason-hint panel-cancel-reason-error" : "panel-cancel-reason-hint"}
        />
        <FieldErrors id="panel-cancel-reason-error" errors={error ? [error] : null} />
      </div>
      <button type="submit" className="button button-danger">
        {p.cancelButton}
      </button>
    </Form>
  );
}
