/** The signed-in user, for the whole app: who it is, what it may do, sign-in and sign-out. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { ApiError, apiGet, apiSend, onUnauthorised, type SessionUser } from './api.ts';

interface SessionValue {
  user: SessionUser | null;
  loading: boolean;
  can(permission: string): boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const session = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        return (await apiGet('/api/auth/session')).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
  useEffect(
    () =>
      onUnauthorised(() => {
        client.setQueryData(['session'], null);
      }),
    [client],
  );
  const signIn = useCallback(
    async (username: string, password: string) => {
      const { user } = await apiSend('post', '/api/auth/login', { json: { username, password } });
      // Keep the session query (the app observes it); drop what another user may have loaded.
      client.setQueryData(['session'], user);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
    [client],
  );
  const signOut = useCallback(async () => {
    await apiSend('post', '/api/auth/logout').catch(() => {});
    client.setQueryData(['session'], null);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  }, [client]);
  const value = useMemo<SessionValue>(() => {
    const user = session.data ?? null;
    return {
      user,
      loading: session.isLoading,
      can: (permission) => Boolean(user?.permissions.includes(permission)),
      signIn,
      signOut,
    };
  }, [session.data, session.isLoading, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
