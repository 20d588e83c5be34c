/** Moves the keyboard to a field once React has drawn it (a till is worked from the keyboard). */
export function focusField(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}
