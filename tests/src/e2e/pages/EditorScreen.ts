import type { Locator, Page } from 'playwright-core';

/** The workflow editor: canvas, palette, inspector, guard editor, problems and side panels. */
export class EditorScreen {
  constructor(readonly page: Page) {}

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }
  node(stateId: string): Locator {
    return this.byTestId(`node-${stateId}`);
  }
  edgeLabel(edgeId: string): Locator {
    return this.byTestId(`edge-${edgeId}`);
  }

  /** Waits until the canvas shows the given state (the template's layout runs on open). */
  async waitForCanvas(stateId: string): Promise<void> {
    await this.node(stateId).waitFor();
  }

  /** Clicks a palette item (adds the state in the middle of the view, selected); returns its id. */
  async addFromPalette(kind: 'milestone' | 'approval' | 'decision' | 'parallel' | 'final'): Promise<string> {
    await this.byTestId(`palette-${kind}`).click();
    return (await this.byTestId('state-id').inputValue()).trim();
  }

  /** Drags a state (by its title) by an offset in screen pixels, in small steps like a hand does. */
  async dragNode(stateId: string, dx: number, dy: number): Promise<void> {
    const box = await this.node(stateId).locator('.hf-node__title').boundingBox();
    if (!box) throw new Error(`state ${stateId} is not on screen`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Draws a connection from one state's out-handle to another state's in-handle. */
  async connect(fromStateId: string, toStateId: string): Promise<void> {
    const from = await this.node(fromStateId).locator('.react-flow__handle.source').first().boundingBox();
    const to = await this.node(toStateId).locator('.react-flow__handle.target').first().boundingBox();
    if (!from || !to) throw new Error(`cannot see the handles of ${fromStateId} → ${toStateId}`);
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
    await this.page.mouse.up();
  }

  async selectNode(stateId: string): Promise<void> {
    await this.node(stateId).locator('.hf-node__title').click();
    await this.byTestId('state-inspector').waitFor();
  }

  /** Selects an edge by clicking its label, as a user clicks the words on an arrow. */
  async selectEdge(edgeId: string): Promise<void> {
    await this.edgeLabel(edgeId).click();
  }

  /** Fills an inspector text field and commits it (fields commit on Enter or blur). */
  async commitField(testId: string, value: string): Promise<void> {
    const field = this.byTestId(testId);
    await field.fill(value);
    await field.press('Enter');
  }

  /** Types a guard into the (lazily loaded) Monaco guard editor and commits it by leaving the field. */
  async typeGuard(text: string): Promise<void> {
    const editor = this.byTestId('guard-editor');
    await editor.locator('.monaco-editor').waitFor();
    await editor.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.type(text, { delay: 10 });
    // Commit: Monaco hands the value over when its text loses focus.
    await this.byTestId('transition-event').focus();
  }

  /** Waits for the live compile (debounced) to catch up with the last edit. */
  async waitUntilChecked(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        document.querySelector('[data-testid="publish-blocked-reason"]')?.textContent !==
        'Checking the workflow…',
    );
  }

  /** The compiler's messages under the guard field of the selected edge. */
  async guardErrors(): Promise<string[]> {
    await this.waitUntilChecked();
    return this.byTestId('guard-error').allTextContents();
  }

  /** Opens a side panel tab: inspect, problems, simulate, versions, instances. */
  async openSidePanel(id: string): Promise<void> {
    await this.byTestId(`side-tab-${id}`).click();
  }

  /** Zooms the canvas in around a state with the mouse wheel (React Flow zooms towards the pointer). */
  async zoomAround(stateId: string, notches = 3): Promise<void> {
    const box = await this.node(stateId).boundingBox();
    if (!box) throw new Error(`state ${stateId} is not on screen`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < notches; i += 1) {
      await this.page.mouse.wheel(0, -200);
      await this.page.waitForTimeout(80);
    }
  }

  async fitView(): Promise<void> {
    await this.byTestId('fit-view').click();
    await this.page.waitForTimeout(400);
  }
}
