import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiClient } from '../api/client.js';
import type { User } from '../api/types.js';
import { useI18n } from '../app-context.js';
import { ErrorNote } from '../components/common.js';
import type { Lang } from '../i18n.js';

export function LoginScreen({
  api,
  expired,
  onLoggedIn,
  lang,
  setLang,
}: {
  api: ApiClient;
  expired: boolean;
  onLoggedIn: (user: User) => void;
  lang: Lang;
  setLang: (lang: Lang) => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api.login(email.trim(), password);
      onLoggedIn(result.user);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <main className="login-page" id="main">
      <div className="login-card">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            ỨP
          </span>
          <div>
            <p className="brand-name">{t('appName')}</p>
            <p className="muted">{t('appTagline')}</p>
          </div>
        </div>
        <h1>{t('loginTitle')}</h1>
        <p className="muted">{t('loginIntro')}</p>
        {expired && (
          <p className="notice" role="status">
            {t('sessionEnded')}
          </p>
        )}
        <form onSubmit={submit} aria-busy={busy}>
          <label htmlFor="login-email">{t('email')}</label>
          <input
            id="login-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <label htmlFor="login-password">{t('password')}</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <ErrorNote error={error} />
          <button type="submit" className="primary wide" disabled={busy}>
            {busy ? t('loggingIn') : t('loginButton')}
          </button>
        </form>
        <button
          type="button"
          className="link-button lang-toggle"
          lang={lang === 'vi' ? 'en' : 'vi'}
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
        >
          {lang === 'vi' ? t('switchToEnglish') : t('switchToVietnamese')}
        </button>
      </div>
    </main>
  );
}
