// The mediator side's "how about another time", in two forms. For a request (`decline`): not this
// time but that one, with a reason; the request is declined and the proposed time shown to the
// party, who books it with a link (the slot is not held). For a confirmed session (`move`): another
// free time and a note; nothing moves until the party accepts, and refusing keeps the session as it
// is (issue 11). Posts intent=propose or intent=propose-time.
import { getFormProps, useForm } from "@conform-to/react";
import { Form, useActionData, useLocation, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useT } from "~/i18n";
import { ErrorSummary, SubmitButton, TextAreaField } from "./forms";
import { replyFor, type StepResult } from "./booking-parts";
import { CsrfInput } from "./session";
import { SlotPicker, slotPickerFocusId, type CalendarWindow, type SlotView } from "./slot-calendar";

export function ProposeForm({
  bookingId,
  window,
  slots,
  variant = "decline",
}: {
  bookingId: number;
  window: CalendarWindow;
  slots: SlotView[];
  variant?: "decline" | "move";
}) {
  const t = useT();
  const location = useLocation();
  const navigation = useNavigation();
  const intent = variant === "move" ? "propose-time" : "propose";
  const lastResult = replyFor(useActionData() as StepResult, intent, bookingId);
  const [form, fields] = useForm<{ reason: string; note: string; start: string }>({ id: `${intent}-${bookingId}`, lastResult });
  const [start, setStart] = useState<string | null>(null);
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const open = Boolean(lastResult) || new URLSearchParams(location.search).has("from");
  const text = variant === "move" ? fields.note : fields.reason;
  const label = variant === "move" ? t.journey.proposeNote : t.booking.declineReason_label;
  return (
    <details className="fold" open={open || undefined}>
      <summary>{variant === "move" ? t.journey.proposeHeading : t.booking.proposeOpen}</summary>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary
          id={`${intent}-summary`}
          focusKey={lastResult}
          formErrors={form.errors}
          items={[
            { id: text.id, label, errors: text.errors },
            { id: slotPickerFocusId("start", slots), label: t.calendar.legend, errors: fields.start.errors },
          ]}
        />
        <CsrfInput />
        <input type="hidden" name="intent" value={intent} />
        <p className="small muted">{variant === "move" ? t.journey.proposeIntro : t.booking.proposeIntro}</p>
        <TextAreaField
          field={text}
          label={label}
          hint={variant === "move" ? undefined : t.booking.declineHint}
          rows={3}
          maxLength={500}
        />
        <SlotPicker
          name="start"
          slots={slots}
          window={window}
          hrefFor={(from) => `${location.pathname}?from=${from}#${variant === "move" ? "move-heading" : "respond-heading"}`}
          selected={start}
          onSelect={setStart}
          errors={fields.start.errors}
          errorId={fields.start.errorId}
        />
        <SubmitButton pending={pending} label={variant === "move" ? t.journey.proposeButton : t.booking.proposeButton} />
      </Form>
    </details>
  );
}
