/**
 * The few controls of the pane's first script (the step buttons, the language list, "Try again"): native elements
 * drawn with Fluent's design tokens, as Fluent's Button and Select draw theirs. Fluent's components would bring their
 * style tables into the first script (about 50 KB for Button, Select, Field and Label), which the editor's chunk
 * loads anyway a moment later; the first paint only needs these three controls.
 *
 * Pseudo-classes (hover, pressed, keyboard focus) cannot be inline styles, so the rules live in one small style
 * sheet, rendered once by `ShellStyles` inside the FluentProvider, whose CSS variables they read. In Windows high
 * contrast (forced colours) native controls take the system colours by themselves.
 */
import type { ButtonHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

export const SHELL_CSS = `
.spb-button, .spb-select {
  box-sizing: border-box;
  min-height: 32px;
  font-family: var(--fontFamilyBase);
  font-size: var(--fontSizeBase300);
  line-height: var(--lineHeightBase300);
  color: var(--colorNeutralForeground1);
  background-color: var(--colorNeutralBackground1);
  border: var(--strokeWidthThin) solid var(--colorNeutralStroke1);
  border-radius: var(--borderRadiusMedium);
}
.spb-button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: var(--spacingHorizontalSNudge);
  min-width: 32px;
  padding: 0 var(--spacingHorizontalM);
  font-weight: var(--fontWeightSemibold);
  cursor: pointer;
}
.spb-button:hover {
  color: var(--colorNeutralForeground1Hover);
  background-color: var(--colorNeutralBackground1Hover);
  border-color: var(--colorNeutralStroke1Hover);
}
.spb-button:active {
  color: var(--colorNeutralForeground1Pressed);
  background-color: var(--colorNeutralBackground1Pressed);
  border-color: var(--colorNeutralStroke1Pressed);
}
.spb-button[data-appearance="primary"] {
  color: var(--colorNeutralForegroundOnBrand);
  background-color: var(--colorBrandBackground);
  border-color: transparent;
}
.spb-button[data-appearance="primary"]:hover { background-color: var(--colorBrandBackgroundHover); }
.spb-button[data-appearance="primary"]:active { background-color: var(--colorBrandBackgroundPressed); }
.spb-button svg { width: 20px; height: 20px; flex-shrink: 0; }
.spb-select {
  width: 100%;
  padding: 0 var(--spacingHorizontalS);
  border-bottom-color: var(--colorNeutralStrokeAccessible);
}
.spb-select:hover { border-color: var(--colorNeutralStroke1Hover); border-bottom-color: var(--colorNeutralStrokeAccessibleHover); }
.spb-button:focus-visible, .spb-select:focus-visible {
  outline: var(--strokeWidthThick) solid var(--colorStrokeFocus2);
  outline-offset: 1px;
}
.spb-field { display: flex; flex-direction: column; gap: var(--spacingVerticalXXS); }
.spb-label {
  font-family: var(--fontFamilyBase);
  font-size: var(--fontSizeBase300);
  line-height: var(--lineHeightBase300);
  color: var(--colorNeutralForeground1);
}
`;

/** The style sheet of the shell's controls; render it once inside the FluentProvider. */
export function ShellStyles() {
  return <style>{SHELL_CSS}</style>;
}

export interface ShellButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly appearance?: "primary" | "secondary";
  readonly icon?: ReactNode;
}

export function ShellButton({ appearance = "secondary", icon, children, className, ...rest }: ShellButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      className={className ? `spb-button ${className}` : "spb-button"}
      data-appearance={appearance}
    >
      {icon}
      {children}
    </button>
  );
}

export interface ShellSelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  readonly id: string;
  readonly label: string;
}

/** A labelled native list. */
export function ShellSelect({ id, label, children, style, ...rest }: ShellSelectProps) {
  return (
    <div className="spb-field" style={style}>
      <label className="spb-label" htmlFor={id}>
        {label}
      </label>
      <select {...rest} id={id} className="spb-select">
        {children}
      </select>
    </div>
  );
}
