/// <reference types="office-js" />
/**
 * Sign-in through the Office dialog API (a small wrapper of our own over
 * `Office.context.ui.displayDialogAsync`): the dialog page (dev sign-in or the Cognito
 * callback) sends the token back with `messageParent`; the pane accepts a message only
 * from its own origin, and keeps the token in memory.
 */
export interface SignInMessage {
  kind: 'pokin-token';
  token: string;
}

export function isSignInMessage(v: unknown): v is SignInMessage {
  return typeof v === 'object' && v !== null && (v as SignInMessage).kind === 'pokin-token' && typeof (v as SignInMessage).token === 'string';
}

/** Parses a dialog message; anything from another origin or of another shape is refused. */
export function acceptMessage(message: string, origin: string | undefined, expectedOrigin: string): SignInMessage | null {
  if (origin !== undefined && origin !== expectedOrigin) return null;
  try {
    const v = JSON.parse(message) as unknown;
    return isSignInMessage(v) ? v : null;
  } catch {
    return null;
  }
}

export function signInWithDialog(url: string, expectedOrigin = location.origin): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, displayInIframe: false }, (r) => {
      if (r.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(r.error?.message ?? 'dialog failed'));
        return;
      }
      const dialog = r.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if (!('message' in arg)) return;
        const ok = acceptMessage(arg.message, (arg as { origin?: string }).origin, expectedOrigin);
        if (!ok) return;
        dialog.close();
        resolve(ok.token);
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => reject(new Error('dialog closed')));
    });
  });
}

/** Inside the dialog page: hand the token to the pane (targetOrigin where supported). */
export function sendToParent(token: string): void {
  const msg = JSON.stringify({ kind: 'pokin-token', token } satisfies SignInMessage);
  const ui = Office.context.ui as unknown as { messageParent(m: string, o?: { targetOrigin: string }): void };
  try {
    ui.messageParent(msg, { targetOrigin: location.origin });
  } catch {
    ui.messageParent(msg);
  }
}
