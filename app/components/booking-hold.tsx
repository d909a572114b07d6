// The booking calendar for a signed-out visitor (issue 11): choose a time first, then sign in or
// register. Sending the form holds the time for a few minutes (a cookie keeps the visitor's key) and
// goes on to the login or register page, which brings the visitor back here with the time preselected.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useT } from "~/i18n";
import { ErrorSummary } from "./forms";
import { SlotPicker, slotPickerFocusId, type CalendarWindow, type SlotView } from "./slot-calendar";

export function HoldForm({
  slots,
  window,
  hrefFor,
  category,
  lastResult,
}: {
  slots: SlotView[];
  window: CalendarWindow;
  hrefFor: (from: string) => string;
  category: string | null;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm<{ start: string }>({ id: "hold", lastResult });
  const [start, setStart] = useState<string | null>(null);
  const pending = navigation.state === "submitting" && navigation.formMethod === "POST";
  return (
    <Form method="post" {...getFormProps(form)} className="hold-form">
      <ErrorSummary
        id="hold-summary"
        focusKey={lastResult}
        formErrors={form.errors}
        items={[{ id: slotPickerFocusId("start", slots), label: t.calendar.legend, errors: fields.start.errors }]}
      />
      {category ? <input type="hidden" name="category" value={category} /> : null}
      <div className="notice notice-info login-to-book">
        <p>
          {t.book.loginNote} {t.journey.holdIntro}
        </p>
      </div>
      <SlotPicker
        name="start"
        slots={slots}
        window={window}
        hrefFor={hrefFor}
        selected={start}
        onSelect={setStart}
        errors={fields.start.errors}
        errorId={fields.start.errorId}
      />
      <p className="notice-actions hold-actions">
        <button type="submit" name="intent" value="hold-login" className="button button-primary" disabled={pending}>
          {t.journey.holdLogin}
        </button>
        <button type="submit" name="intent" value="hold-register" className="button" disabled={pending}>
          {t.journey.holdRegister}
        </button>
      </p>
    </Form>
  );
}
