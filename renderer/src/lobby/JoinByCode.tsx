import { useState, type FormEvent } from 'react';
import { navigate } from '../app/router.ts';

const CODE_PATTERN = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/;

export function JoinByCode() {
  const [code, setCode] = useState('');
  const normalized = code.trim().toUpperCase();
  const valid = CODE_PATTERN.test(normalized);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) navigate({ name: 'join', code: normalized });
  };
  return (
    <section className="card" aria-labelledby="join-title">
      <h2 id="join-title">Join by code</h2>
      <form onSubmit={submit} className="row">
        <input
          aria-label="Invite code"
          className="code-input"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="ABC234"
          maxLength={6}
        />
        <button type="submit" disabled={!valid}>
          Join
        </button>
      </form>
    </section>
  );
}
