// The search input and its button, as used on the home page and the search page.
import type { ChangeEvent, CompositionEvent, Ref } from "react";

export function SearchBox({
  id,
  label,
  placeholder,
  button,
  defaultValue,
  inputRef,
  onChange,
  onCompositionEnd,
  describedBy,
}: {
  id: string;
  label: string;
  placeholder: string;
  button: string;
  defaultValue?: string;
  inputRef?: Ref<HTMLInputElement>;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
  onCompositionEnd?: (event: CompositionEvent<HTMLInputElement>) => void;
  describedBy?: string;
}) {
  return (
    <div className="search-box">
      <label htmlFor={id} className="search-label">
        {label}
      </label>
      <div className="search-row">
        <input
          ref={inputRef}
          id={id}
          type="search"
          name="q"
          defaultValue={defaultValue}
          placeholder={placeholder}
          maxLength={100}
          autoComplete="off"
          enterKeyHint="search"
          aria-describedby={describedBy}
          onChange={onChange}
          onCompositionEnd={onCompositionEnd}
        />
        <button type="submit" className="button button-primary">
          {button}
        </button>
      </div>
    </div>
  );
}
