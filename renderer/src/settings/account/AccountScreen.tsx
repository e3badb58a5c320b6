// `/settings/account`: the signed-in user's profile, usage today, password and account. The desktop's practice account on this
// computer signs in with a password the app generated and keeps itself, so there only the profile is editable.
import { useSession } from '../../app/session-context.tsx';
import { DeleteAccount } from './DeleteAccount.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { UsageCard } from './UsageCard.tsx';

export function AccountScreen() {
  const { server, user } = useSession();
  if (!user) return null;
  const local = server.profile?.kind === 'local';
  return (
    <div className="stack account">
      <ProfileForm key={user.id} user={user} />
      <UsageCard />
      {local ? (
        <p className="muted" data-testid="local-account-note">
          This is the practice account on this computer: the app signs it in by itself, so it has no password for you to manage.
        </p>
      ) : (
        <>
          <PasswordForm />
          <DeleteAccount />
        </>
      )}
    </div>
  );
}
