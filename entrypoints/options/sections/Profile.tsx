/** Options section "Profile": the person's PSFS activities, exercises and dates (components/ProfileEditor.tsx). */
import { ProfileEditor } from '@/components/ProfileEditor';

export function ProfileSection() {
  return <ProfileEditor />;
}
