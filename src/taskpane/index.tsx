import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./host";

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("The task pane page has no #root element.");
  const host = await detectHost();
  createRoot(container).render(<App host={host} />);
}

void start();
