// The staff's form declaring a ferry suspension (issue 9): the island towns as checkboxes, from and to
// as datetime-local in Beijing time, a note. Rendered from the server's Conform reply, so a form that
// comes back without JavaScript keeps what was typed and shows every error next to its field.
import { Form, useNavigation } from "@remix-run/react";
import { facetLabel } from "../../domain";
import { ErrorSummary, FieldErrors, FieldFrame, SubmitButton } from "~/components/forms";
import { TextArea, errorsOf, typedValue, type Reply } from "~/components/invitation-fields";
import { CsrfInput } from "~/components/session";
import { useLocale, useT } from "~/i18n";

function When({ reply, name, label, hint }: { reply: Reply; name: "from" | "to"; label: string; hint?: string }) {
  const id = `sea-${name}`;
  // What was typed comes back as the ISO instant the action built: the box wants "YYYY-MM-DDTHH:MM".
  const typed = typedValue(reply, name).slice(0, 16);
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errorsOf(reply, name)}>
      {(aria) => <input id={id} name={name} type="datetime-local" step={60} defaultValue={typed} {...aria} />}
    </FieldFrame>
  );
}

export function SeaDeclareForm({ reply, islandTowns }: { reply: Reply; islandTowns: readonly string[] }) {
  const t = useT();
  const s = t.sea;
  const locale = useLocale();
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === "declare";
  const typedTowns = reply?.initialValue?.towns;
  const checked = new Set(Array.isArray(typedTowns) ? typedTowns : typeof typedTowns === "string" ? [typedTowns] : []);
  const townErrors = errorsOf(reply, "towns");
  return (
    <section className="panel sea-declare" aria-labelledby="declare-heading">
      <h2 id="declare-heading">{s.declareHeading}</h2>
      <Form method="post" noValidate>
        <ErrorSummary
          focusKey={reply}
          formErrors={reply?.error?.[""]}
          items={[
            { id: `sea-town-${islandTowns[0]}`, label: s.towns, errors: townErrors },
            { id: "sea-from", label: s.from, errors: errorsOf(reply, "from") },
            { id: "sea-to", label: s.to, errors: errorsOf(reply, "to") },
            { id: "note", label: s.note, errors: errorsOf(reply, "note") },
          ]}
        />
        <CsrfInput />
        <input type="hidden" name="intent" value="declare" />
        <fieldset className="field sea-towns" aria-describedby={townErrors ? "sea-towns-hint sea-towns-error" : "sea-towns-hint"}>
          <legend>{s.towns}</legend>
          <p id="sea-towns-hint" className="field-hint">
            {s.townsHint}
          </p>
          <div className="sea-town-list">
            {islandTowns.map((town) => (
              <label key={town} className="check">
                <input type="checkbox" id={`sea-town-${town}`} name="towns" value={town} defaultChecked={checked.has(town)} />
                {facetLabel("town", town, locale)}
              </label>
            ))}
          </div>
          <FieldErrors id="sea-towns-error" errors={townErrors} />
        </fieldset>
        <div className="sea-range">
          <When reply={reply} name="from" label={s.from} hint={s.fromHint} />
          <When reply={reply} name="to" label={s.to} hint={s.rangeHint} />
        </div>
        <TextArea reply={reply} name="note" label={s.note} hint={s.noteHint} maxLength={500} />
        <SubmitButton pending={pending} label={s.declareButton} pendingLabel={s.declaring} />
      </Form>
    </section>
  );
}
