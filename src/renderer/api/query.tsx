import { useCallback, useEffect, type ReactNode } from 'react';
import {
  QueryClient,
  QueryClientProvider,
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type Query,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/api/contract';
import type { ApiError, ApiResult } from '../../shared/api/errors';
import type { CoreEvent, CoreTopic } from '../../shared/api/events';
import type { ApiClient } from './client';
import { useApi } from './context';
import { useLiveEvents } from './live';
import { ErrorNotice } from '../components/ErrorNotice';

/**
 * How the renderer loads data: TanStack Query over the one API client. A read is a cached query
 * keyed by its channel and arguments, so an older answer lands in its own entry and can never
 * overwrite what the screen now asks for (type "ri", then "rice": "rice" wins, whichever answers
 * last). Live events invalidate the queries of their topic instead of each screen reloading by hand.
 */

/** A read that failed in an expected way: the contract's error, carried through the query. */
export class ApiFailure extends Error implements ApiError {
  readonly code: ApiError['code'];
  readonly params: ApiError['params'];
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.params = error.params;
  }
}

/** The one place a query key is made: the channel first, so a channel's queries are invalidated together. */
export function apiKey<C extends ChannelName>(channel: C, args: ChannelInput<C>): readonly [C, ChannelInput<C>] {
  return [channel, args];
}

interface QueryMeta extends Record<string, unknown> {
  topics?: readonly CoreTopic[];
}

// Types every query's `meta` for the whole renderer, so reading the topics needs no cast.
declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: QueryMeta;
  }
}

/** Does a live event on `topic` make this query's answer old? */
function showsTopic(query: Query, topic: CoreTopic): boolean {
  return (query.meta?.topics ?? []).includes(topic);
}

/**
 * Only a lost answer is worth asking again (a refusal or a bad input answers the same every
 * time), and only once: the client has already tried a few times within the call.
 */
function retryRead(failures: number, error: Error): boolean {
  return failures < 1 && error instanceof ApiFailure && error.code === 'api.unreachable';
}

/**
 * Defaults for a kiosk: nothing refetches because a window got focus or the network came back
 * (live events and their 'ready' after a reconnect say when to re-read); reads retry only when
 * the hub did not answer; writes never retry here (the client resends a lost write itself, with
 * its request id, so it is applied once).
 *
 * networkMode 'always': the browser's idea of "online" says nothing about the hub (the kiosk's
 * own core is over IPC; a station's hub is on the LAN, often with no internet at all). Left at
 * TanStack's default, a tap made while the browser thought it was offline was held back silently
 * and never reached the client, so the "hub cannot be reached" banner never showed.
 */
export function createQueryClient({ retryDelayMs = 1000 }: { retryDelayMs?: number } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        networkMode: 'always',
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: retryRead,
        retryDelay: retryDelayMs,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

/** Builds a read's query options; `useApiQuery` uses it, and so do tests without a DOM. */
export function apiQueryOptions<C extends ChannelName>(api: ApiClient, channel: C, args: ChannelInput<C>, options: ApiQueryOptions = {}) {
  return {
    queryKey: apiKey(channel, args),
    queryFn: async (): Promise<ChannelOutput<C>> => {
      const result = await api.call(channel, args);
      if (!result.ok) throw new ApiFailure(result.error);
      return result.value;
    },
    meta: { topics: options.live ?? [] } satisfies QueryMeta,
    enabled: options.enabled ?? true,
    // While a new search loads, the last list stays on screen (as it always has), marked placeholder.
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    // A visitor's answers leave the cache the moment no screen shows them.
    ...(options.forget ? { gcTime: 0 } : {}),
    // Shown again without asking again, until something makes it old.
    ...(options.reuse ? { staleTime: Infinity } : {}),
  };
}

export interface ApiQueryOptions {
  /** Topics whose live events make this read old: it is read again when another screen writes. */
  live?: readonly CoreTopic[];
  /** false: not yet (a read waiting for something the person has not chosen). */
  enabled?: boolean;
  /** Keep showing the previous answer while the next arguments load (a search as one types). */
  keepPrevious?: boolean;
  /**
   * Held only while a screen shows it: for what a visitor said or was given (their slip, the
   * limits left for their household), which must not outlive their visit in the page's memory.
   */
  forget?: boolean;
  /**
   * Show the answer already read for these arguments without asking again (the confirm screen
   * names the items the needs screen read); read only when there is none. Live events and
   * invalidation still make it old.
   */
  reuse?: boolean;
}

/** A read through the contract: `useApiQuery('volunteers.list', {})`; the data is typed from the channel. */
export function useApiQuery<C extends ChannelName>(
  channel: C,
  args: ChannelInput<C>,
  options?: ApiQueryOptions,
): UseQueryResult<ChannelOutput<C>, ApiFailure> {
  const api = useApi();
  return useQuery<ChannelOutput<C>, ApiFailure, ChannelOutput<C>, readonly [C, ChannelInput<C>]>(
    apiQueryOptions(api, channel, args, options),
  );
}

/**
 * Reads now, into the cache, and answers with the contract's result: for a read a tap or a scan
 * asks for whose answer decides what happens next (a slip found clears the code field, one not
 * found keeps it). A query on screen with the same channel and arguments shows the same answer
 * (an observer that starts meanwhile shares the one call), and keeps it fresh through `live`.
 */
export async function fetchApi<C extends ChannelName>(
  queries: QueryClient,
  api: ApiClient,
  channel: C,
  args: ChannelInput<C>,
  options?: ApiQueryOptions,
): Promise<ApiResult<ChannelOutput<C>>> {
  try {
    // staleTime 0: asking again always reads again (the same slip scanned twice is looked up twice).
    return { ok: true, value: await queries.fetchQuery({ ...apiQueryOptions(api, channel, args, options), staleTime: 0 }) };
  } catch (error) {
    if (error instanceof ApiFailure) {
      return { ok: false, error: { code: error.code, message: error.message, ...(error.params ? { params: error.params } : {}) } };
    }
    throw error;
  }
}

export type ApiFetch = <C extends ChannelName>(
  channel: C,
  args: ChannelInput<C>,
  options?: ApiQueryOptions,
) => Promise<ApiResult<ChannelOutput<C>>>;

/** `fetchApi` for a screen: `const read = useApiFetch(); const r = await read('slip.lookup', { code })`. */
export function useApiFetch(): ApiFetch {
  const api = useApi();
  const queries = useQueryClient();
  return useCallback<ApiFetch>((channel, args, options) => fetchApi(queries, api, channel, args, options), [api, queries]);
}

export interface ApiMutation<C extends ChannelName> {
  /** Sends the write; resolves with the contract's result (never throws for an expected failure). */
  call(args: ChannelInput<C>): Promise<ApiResult<ChannelOutput<C>>>;
  pending: boolean;
  /** The last call's expected failure, for an ErrorNotice. */
  error: ApiError | null;
  reset(): void;
}

/**
 * A write through the contract. On success the reads named in `invalidates` are read again (a
 * write others see also invalidates its topics through the live events, for every screen).
 */
export function useApiMutation<C extends ChannelName>(channel: C, options: { invalidates?: readonly ChannelName[] } = {}): ApiMutation<C> {
  const api = useApi();
  const queries = useQueryClient();
  const mutation = useMutation<ApiResult<ChannelOutput<C>>, Error, ChannelInput<C>>({
    mutationFn: (args) => api.call(channel, args),
    onSuccess: async (result) => {
      if (!result.ok) return;
      await Promise.all((options.invalidates ?? []).map((c) => queries.invalidateQueries({ queryKey: [c] })));
    },
  });
  return {
    call: mutation.mutateAsync,
    pending: mutation.isPending,
    error: mutation.data && !mutation.data.ok ? mutation.data.error : null,
    reset: mutation.reset,
  };
}

/** Puts a channel's answer in the cache as if just read: for a write that answers with the new state (setup). */
export function useSetApiData(): <C extends ChannelName>(channel: C, args: ChannelInput<C>, value: ChannelOutput<C>) => void {
  const queries = useQueryClient();
  return (channel, args, value) => queries.setQueryData(apiKey(channel, args), value);
}

/**
 * Signing in and out: the session token goes to the client, and the cache is emptied, so the
 * next volunteer at this kiosk never sees what the last one had open.
 */
export function useSession(): { start(token: string): void; end(): void } {
  const api = useApi();
  const queries = useQueryClient();
  return {
    start: (token) => {
      queries.clear();
      api.setSession(token);
    },
    end: () => {
      // The call takes the token with it before the line below forgets it.
      if (api.hasSession()) void api.call('auth.logout', {});
      api.setSession(null);
      queries.clear();
    },
  };
}

/** Does this query listen to live events at all? */
function isLive(query: Query): boolean {
  return (query.meta?.topics ?? []).length > 0;
}

/**
 * A live event reads again the queries of its topic; a reconnect ('ready') reads again every
 * query that listens, since it may have missed events meanwhile.
 */
export function invalidateFor(queries: QueryClient, event: CoreEvent | 'ready'): Promise<void> {
  return queries.invalidateQueries({ predicate: (q) => (event === 'ready' ? isLive(q) : showsTopic(q, event.topic)) });
}

/**
 * Listens to the live events only while a query on screen wants them, so a page with no live
 * read (the visitor's intake) keeps no event stream open, as before the cache. Returns the stop.
 */
export function listenWhileLive(queries: QueryClient, listen: (listener: (event: CoreEvent | 'ready') => void) => () => void): () => void {
  const cache = queries.getQueryCache();
  let stop: (() => void) | null = null;
  const sync = () => {
    const wanted = cache.findAll({ type: 'active', predicate: isLive }).length > 0;
    if (wanted && !stop) stop = listen((event) => void invalidateFor(queries, event));
    else if (!wanted && stop) {
      stop();
      stop = null;
    }
  };
  sync();
  const unsubscribe = cache.subscribe(sync);
  return () => {
    unsubscribe();
    stop?.();
  };
}

function LiveInvalidation() {
  const queries = useQueryClient();
  const listen = useLiveEvents();
  useEffect(() => listenWhileLive(queries, listen), [listen, queries]);
  return null;
}

/** The one query cache of the page, wired to the live events. Inside ApiProvider and LiveProvider. */
export function QueryProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <LiveInvalidation />
      {children}
    </QueryClientProvider>
  );
}

/**
 * The one loading and error presentation: nothing while the first answer comes (as the screens
 * have always done), the translated error if it failed, else the children with the data.
 */
export function Loaded<T>({ query, children }: { query: UseQueryResult<T, ApiFailure>; children(data: T): ReactNode }) {
  if (query.data === undefined) return <ErrorNotice error={query.error} />;
  return (
    <>
      <ErrorNotice error={query.error} />
      {children(query.data)}
    </>
  );
}
