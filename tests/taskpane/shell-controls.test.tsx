/**
 * @jest-environment jsdom
 */
import { tokens } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { SHELL_CSS, ShellButton, ShellSelect } from "../../src/taskpane/shell-controls";

describe("the first script's controls", () => {
  it("draw only with Fluent design tokens that exist", () => {
    const used = [...SHELL_CSS.matchAll(/var\(--([A-Za-z0-9]+)\)/g)].map((match) => match[1]!);
    expect(used.length).toBeGreaterThan(20);
    const known = new Set(Object.keys(tokens));
    expect(used.filter((name) => !known.has(name))).toEqual([]);
  });

  it("are a native button that says whether it is the primary one, and is not a submit button", () => {
    const onClick = jest.fn();
    render(
      <ShellButton appearance="primary" onClick={onClick} aria-current="step">
        2
      </ShellButton>,
    );
    const button = screen.getByRole("button", { name: "2" });
    expect(button.getAttribute("type")).toBe("button");
    expect(button.dataset.appearance).toBe("primary");
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it("are a native list named by its visible label", () => {
    const onChange = jest.fn<void, [string]>();
    render(
      <ShellSelect id="language" label="Language" value="en" onChange={(event) => onChange(event.target.value)}>
        <option value="en">English</option>
        <option value="fr">Français</option>
      </ShellSelect>,
    );
    fireEvent.change(screen.getByRole("combobox", { name: "Language" }), { target: { value: "fr" } });
    expect(onChange).toHaveBeenCalledWith("fr");
  });
});
