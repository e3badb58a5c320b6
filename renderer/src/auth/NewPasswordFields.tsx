// A new password typed twice (the reset screen and the account's change-password form): 8 to 128 characters as
// the server requires, and the second entry must match before the form may be sent.
import { useState } from 'react';

export interface NewPassword {
  value: string;
  confirm: string;
  setValue(value: string): void;
  setConfirm(value: string): void;
  valid: boolean;
  reset(): void;
}

export function useNewPassword(): NewPassword {
  const [value, setValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const valid = value.length >= 8 && value.length <= 128 && value === confirm;
  const reset = () => {
    setValue('');
    setConfirm('');
  };
  return { value, confirm, setValue, setConfirm, valid, reset };
}

export function NewPasswordFields({ state }: { state: NewPassword }) {
  const mismatch = state.confirm !== '' && state.confirm !== state.value;
  return (
    <>
      <label>
        New password
        <input name="newPassword" type="password" value={state.value} onChange={(e) => state.setValue(e.target.value)} required minLength={8} maxLength={128} autoComplete="new-password" aria-describedby="new-password-hint" />
      </label>
      <span id="new-password-hint" className="muted small">At least 8 characters.</span>
      <label>
        Repeat the new password
        <input name="confirmPassword" type="password" value={state.confirm} onChange={(e) => state.setConfirm(e.target.value)} required autoComplete="new-password" aria-invalid={mismatch} />
      </label>
      {mismatch && <span className="error small" role="alert">The two passwords differ.</span>}
    </>
  );
}
