/**
 * Multi-step quick input with Back (title-bar button) and forward, after the VS Code extension
 * samples' MultiStepInput: each step is a function returning the next one, so Back re-runs the
 * previous step with the answers kept in the state object.
 */
import * as vscode from 'vscode';

export type InputStep<S> = (input: MultiStepInput, state: S) => Promise<InputStep<S> | void>;

class BackSignal {}
class CancelSignal {}

export interface QuickPickStep<T extends vscode.QuickPickItem> {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly items: readonly T[];
  readonly placeholder: string;
  readonly activeItem?: T;
  /** Returns a message to keep the picker open and show it (e.g. an unsupported region). */
  readonly validate?: (item: T) => string | undefined;
  readonly busy?: boolean;
}

export interface QuickPickManyStep<T extends vscode.QuickPickItem> {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly items: readonly T[];
  readonly selected: readonly T[];
  readonly placeholder: string;
  /** Items that stay selected: unchecking one checks it again and shows `lockedMessage`. */
  readonly locked?: (item: T) => boolean;
  readonly lockedMessage?: string;
  /** Returns a message to keep the picker open and show it. */
  readonly validate?: (items: readonly T[]) => string | undefined;
}

export interface InputBoxStep {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly value: string;
  readonly prompt: string;
  readonly placeholder?: string;
  readonly password?: boolean;
  readonly validate: (value: string) => string | undefined;
}

export class MultiStepInput {
  private current?: vscode.QuickInput;
  private readonly steps: InputStep<unknown>[] = [];

  /** Runs the steps; resolves true when completed, false when the user cancelled. */
  static async run<S>(start: InputStep<S>, state: S): Promise<boolean> {
    return new MultiStepInput().go(start as InputStep<unknown>, state);
  }

  private async go(start: InputStep<unknown>, state: unknown): Promise<boolean> {
    let step: InputStep<unknown> | void = start;
    try {
      while (step) {
        this.steps.push(step);
        if (this.current) {
          this.current.enabled = false;
          this.current.busy = true;
        }
        try {
          step = await step(this, state);
        } catch (e) {
          if (e instanceof BackSignal) {
            this.steps.pop();
            step = this.steps.pop();
          } else if (e instanceof CancelSignal) {
            return false;
          } else {
            throw e;
          }
        }
      }
      return true;
    } finally {
      this.current?.dispose();
    }
  }

  async pick<T extends vscode.QuickPickItem>(p: QuickPickStep<T>): Promise<T> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<T>((resolve, reject) => {
        const input = vscode.window.createQuickPick<T>();
        input.title = p.title;
        input.step = p.step;
        input.totalSteps = p.totalSteps;
        input.placeholder = p.placeholder;
        input.items = p.items;
        input.ignoreFocusOut = true;
        if (p.activeItem) input.activeItems = [p.activeItem];
        input.buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
        disposables.push(
          input.onDidTriggerButton((b) => {
            if (b === vscode.QuickInputButtons.Back) reject(new BackSignal());
          }),
          input.onDidAccept(() => {
            const item = input.selectedItems[0] ?? input.activeItems[0];
            if (!item) return;
            const problem = p.validate?.(item);
            if (problem) {
              input.placeholder = problem;
              void vscode.window.showWarningMessage(problem);
              return;
            }
            resolve(item);
          }),
          input.onDidHide(() => reject(new CancelSignal())),
        );
        this.replace(input);
      });
    } finally {
      for (const d of disposables) d.dispose();
    }
  }

  /** A multi-select step (checkboxes); Enter accepts the checked items. */
  async pickMany<T extends vscode.QuickPickItem>(p: QuickPickManyStep<T>): Promise<readonly T[]> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<readonly T[]>((resolve, reject) => {
        const input = vscode.window.createQuickPick<T>();
        input.title = p.title;
        input.step = p.step;
        input.totalSteps = p.totalSteps;
        input.placeholder = p.placeholder;
        input.canSelectMany = true;
        input.items = p.items;
        input.selectedItems = p.selected;
        input.ignoreFocusOut = true;
        input.buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
        const warn = (message: string): void => {
          input.placeholder = message;
          void vscode.window.showWarningMessage(message);
        };
        disposables.push(
          input.onDidTriggerButton((b) => {
            if (b === vscode.QuickInputButtons.Back) reject(new BackSignal());
          }),
          input.onDidChangeSelection((selection) => {
            const dropped = p.locked ? p.items.filter((i) => p.locked!(i) && !selection.includes(i)) : [];
            if (dropped.length === 0) return;
            input.selectedItems = [...selection, ...dropped];
            if (p.lockedMessage) warn(p.lockedMessage);
          }),
          input.onDidAccept(() => {
            const problem = p.validate?.(input.selectedItems);
            if (problem) {
              warn(problem);
              return;
            }
            resolve(input.selectedItems);
          }),
          input.onDidHide(() => reject(new CancelSignal())),
        );
        this.replace(input);
      });
    } finally {
      for (const d of disposables) d.dispose();
    }
  }

  async inputBox(p: InputBoxStep): Promise<string> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<string>((resolve, reject) => {
        const input = vscode.window.createInputBox();
        input.title = p.title;
        input.step = p.step;
        input.totalSteps = p.totalSteps;
        input.value = p.value;
        input.prompt = p.prompt;
        input.placeholder = p.placeholder;
        input.password = p.password ?? false;
        input.ignoreFocusOut = true;
        input.buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
        const validate = (v: string): void => {
          input.validationMessage = p.validate(v);
        };
        validate(p.value);
        disposables.push(
          input.onDidTriggerButton((b) => {
            if (b === vscode.QuickInputButtons.Back) reject(new BackSignal());
          }),
          input.onDidChangeValue(validate),
          input.onDidAccept(() => {
            const problem = p.validate(input.value);
            input.validationMessage = problem;
            if (!problem) resolve(input.value);
          }),
          input.onDidHide(() => reject(new CancelSignal())),
        );
        this.replace(input);
      });
    } finally {
      for (const d of disposables) d.dispose();
    }
  }

  private replace(input: vscode.QuickInput): void {
    const previous = this.current;
    this.current = input;
    input.show();
    // Disposed after the new one shows, so the quick input never flickers closed between steps.
    previous?.dispose();
  }
}
