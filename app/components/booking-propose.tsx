// The mediator side's "not this time, how about that one": a reason and another free slot of the same
// mediator. The request is declined and the proposed time shown to the party, who books it with a
// link (the slot is not held: it stays free for anyone until booked). Posts intent=propose.
import { getFormProps, useForm } from "@conform-to/react";
import { Form, useActionData, useLocation, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useT } from "~/i18n";
import { ErrorSummary, SubmitButton, TextAreaField } from "./forms";
import { replyFor, type StepResult } from "./booking-parts";
import { CsrfInput } from "./session";
import { SlotPicker, slotPickerFocusId, type CalendarWindow, type SlotView } from "./slot-calendar";

export function ProposeForm({ bookingId, window, slots }: { bookingId: number; window: CalendarWindow; slots: SlotView[] }) {
  const t = useT();
  const location = useLocation();
  const navigation = useNavigation();
  const lastResult = replyFor(useActionData() as StepResult, "propose", bookingId);
  const [form, fields] = useForm<{ reason: string; start: string }>({ id: `propose-${bookingId}`, lastResult });
  const [start, setStart] = useState<string | null>(null);
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === "propose";
  const open = Boolean(lastResult) || new URLSearchParams(location.search).has("from");
  return (
    <details className="fold" open={open || undefined}>
      <summary>{t.booking.proposeOpen}</summary>
      <Form method="post" {...getFormProps(form)} preventScrollReset>
        <ErrorSummary
          id="propose-summary"
          focusKey={lastResult}
          formErrors={form.errors}
          items={[
            { id: fields.reason.id, label: t.booking.declineReason_label, errors: fields.reason.errors },
            { id: slotPickerFocusId("start", slots), label: t.calendar.legend, errors: fields.start.errors },
          ]}
        />
        <CsrfInput />
        <input type="hidden" name="intent" value="propose" />
        <p className="small muted">{t.booking.proposeIntro}</p>
        <TextAreaField field={fields.reason} label={t.booking.declineReason_label} hint={t.booking.declineHint} rows={3} maxLength={500} />
        <SlotPicker
          name="start"
          slots={slots}
          window={window}
          hrefFor={(from) => `${location.pathname}?from=${from}#respond-heading`}
          selected={start}
          onSelect={setStart}
          errors={fields.start.errors}
          errorId={fields.start.errorId}
        />
        <SubmitButton pending={pending} label={t.booking.proposeButton} />
      </Form>
    </details>
  );
}
