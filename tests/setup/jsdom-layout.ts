/**
 * jsdom has no layout engine, so it has no ResizeObserver (Fluent UI's MessageBar and overflow components use
 * one). Sizes never change in jsdom, so an observer that never fires is a faithful model of it. Node-environment
 * tests have no window and are left alone.
 */
if (typeof window !== "undefined" && typeof window.ResizeObserver === "undefined") {
  class NoLayoutResizeObserver implements ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  window.ResizeObserver = NoLayoutResizeObserver;
}

export {};
