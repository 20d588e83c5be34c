import {
  useId,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

/** The apps' one look: a few components over ui.css, each labelled and reachable by keyboard. */

export function Button({
  variant = 'primary',
  busy = false,
  className,
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  busy?: boolean;
}) {
  return (
    <button
      type="button"
      {...rest}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      disabled={rest.disabled || busy}
      aria-busy={busy || undefined}
    >
      {children}
    </button>
  );
}

interface FieldProps {
  label: string;
  /** A shorter label to show where the context says the rest (a row of a table); `label` is what is read out. */
  visibleLabel?: string;
  hint?: string;
  error?: string;
}

/** A labelled input; its hint and error are read out with it. */
function LabelText({ label, visibleLabel }: { label: string; visibleLabel?: string }) {
  if (!visibleLabel) return <>{label}</>;
  return (
    <>
      <span aria-hidden="true">{visibleLabel}</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

export function TextField({
  label,
  visibleLabel,
  hint,
  error,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        <LabelText label={label} visibleLabel={visibleLabel} />
      </label>
      <input id={id} aria-describedby={described} aria-invalid={error ? true : undefined} {...input} />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled multi-line text, as TextField. */
export function TextAreaField({
  label,
  visibleLabel,
  hint,
  error,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        <LabelText label={label} visibleLabel={visibleLabel} />
      </label>
      <textarea id={id} aria-describedby={described} aria-invalid={error ? true : undefined} {...textarea} />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectField({
  label,
  visibleLabel,
  hint,
  error,
  options,
  ...select
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & { options: ReadonlyArray<{ value: string; label: string }> }) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        <LabelText label={label} visibleLabel={visibleLabel} />
      </label>
      <select id={id} aria-describedby={described} aria-invalid={error ? true : undefined} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function CheckboxField({
  label,
  hint,
  checked,
  onChange,
}: FieldProps & { checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

/** Options toggled one click each (channels, tiers, segments): a group of pressed/unpressed buttons. */
export function ToggleGroup({
  label,
  hint,
  options,
  selected,
  onChange,
}: FieldProps & {
  options: ReadonlyArray<{ value: string; label: string }>;
  selected: readonly string[];
  onChange(selected: string[]): void;
}) {
  const id = useId();
  return (
    <div className="field" role="group" aria-labelledby={`${id}-label`}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <div className="toggles">
        {options.map((option) => {
          const on = selected.includes(option.value);
          return (
            <button
              key={option.value}
              type="button"
              className="toggle"
              aria-pressed={on}
              onClick={() => onChange(on ? selected.filter((s) => s !== option.value) : [...selected, option.value])}
            >
              {option.label}
            </button>
          );
        })}
      </div>
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

export function Card({
  title,
  actions,
  children,
  className,
}: {
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section className={['card', className].filter(Boolean).join(' ')} aria-labelledby={title ? id : undefined}>
      {(title || actions) && (
        <header className="card-header">
          {title && <h2 id={id}>{title}</h2>}
          {actions && <div className="card-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

export function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
      {hint && <dd className="stat-hint">{hint}</dd>}
    </div>
  );
}

export function Stats({ children }: { children: ReactNode }) {
  return <dl className="stats">{children}</dl>;
}

export type Tone = 'neutral' | 'good' | 'warning' | 'bad' | 'info';

export function Pill({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`pill pill-${tone}`}>{children}</span>;
}

/** An error (role alert, read at once) or a confirmation (role status). */
export function Notice({ tone, children }: { tone: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** Horizontal bars with their figures written out, so the chart is readable without seeing it. */
export function BarChart({
  label,
  rows,
}: {
  label: string;
  rows: ReadonlyArray<{ key: string; label: string; value: number; text: string }>;
}) {
  const max = Math.max(1, ...rows.map((row) => row.value));
  return (
    <figure className="bars" aria-label={label}>
      {rows.map((row) => (
        <div className="bar-row" key={row.key}>
          <span className="bar-label">{row.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar" style={{ width: `${(100 * row.value) / max}%` }} />
          </span>
          <span className="bar-value">{row.text}</span>
        </div>
      ))}
    </figure>
  );
}

export interface NavItem {
  href: string;
  label: string;
  current: boolean;
}

/** The page frame: a skip link, the app's name, its navigation and the page's main region. */
export function AppShell({
  appName,
  nav,
  aside,
  children,
  skipLabel,
  navLabel,
}: {
  appName: string;
  nav: readonly NavItem[];
  aside?: ReactNode;
  children: ReactNode;
  skipLabel: string;
  navLabel: string;
}) {
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {skipLabel}
      </a>
      <header className="topbar">
        <span className="brand">{appName}</span>
        <nav aria-label={navLabel}>
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={item.current ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-aside">{aside}</div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
