import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { RoomMember } from '../../../../src/rooms/rooms.events.js';
import { clientId } from '../../api/rooms.js';
import type { LiveRoom } from '../../api/rooms.js';
import { useApp } from '../../app-context.js';
import { ErrorNote } from '../../components/common.js';
import { formatTime } from '../../format.js';
import { fold } from '../../room-hooks.js';

/** The "@prefix" being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = before.match(/(^|\s)@([\p{L}\p{N} ]{0,30})$/u);
  if (!m) return null;
  return { start: caret - m[2].length - 1, query: m[2] };
}

/** Chat of the room, with @mentions of its members (they are notified). */
export function Chat({ room, readOnly = false }: { room: LiveRoom; readOnly?: boolean }) {
  const { t, lang, user } = useApp();
  const [text, setText] = useState('');
  const [mentioned, setMentioned] = useState<RoomMember[]>([]);
  const [suggest, setSuggest] = useState<{ start: number; items: RoomMember[]; active: number } | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const lastTyping = useRef(0);
  /** Where the caret goes once the text with a picked mention is rendered. */
  const caretAfterPick = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (caretAfterPick.current === null || !input.current) return;
    input.current.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    caretAfterPick.current = null;
  }, [text]);
  const messages = room.events.filter((e) => e.type === 'chat.posted');
  const typing = [...room.typing.entries()].filter(([id]) => id !== user.id).map(([, name]) => name);

  const onChange = (value: string, caret: number) => {
    setText(value);
    const q = mentionQuery(value, caret);
    if (q) {
      const items = room.members
        .filter((m) => m.userId !== user.id && fold(m.displayName).includes(fold(q.query)))
        .slice(0, 6);
      setSuggest(items.length ? { start: q.start, items, active: 0 } : null);
    } else {
      setSuggest(null);
    }
    if (Date.now() - lastTyping.current > 2000) {
      lastTyping.current = Date.now();
      room.connection.socket.emit('typing:update', { incidentId: room.incidentId, typing: true });
    }
  };

  const pick = (member: RoomMember) => {
    if (!suggest) return;
    const caret = input.current?.selectionStart ?? text.length;
    const next = `${text.slice(0, suggest.start)}@${member.displayName} ${text.slice(caret)}`;
    setText(next);
    setMentioned((prev) => (prev.some((m) => m.userId === member.userId) ? prev : [...prev, member]));
    setSuggest(null);
    caretAfterPick.current = suggest.start + member.displayName.length + 2;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggest) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setSuggest({
          ...suggest,
          active: (suggest.active + step + suggest.items.length) % suggest.items.length,
        });
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pick(suggest.items[suggest.active]);
        return;
      }
      if (e.key === 'Escape') {
        setSuggest(null);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void send();
    }
  };

  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setError(null);
    const mentions = mentioned.filter((m) => body.includes(`@${m.displayName}`)).map((m) => m.userId);
    try {
      await room.connection.call('chat:send', {
        incidentId: room.incidentId,
        clientId: clientId(),
        text: body,
        ...(mentions.length ? { mentions } : {}),
      });
      setText('');
      setMentioned([]);
      room.connection.socket.emit('typing:update', { incidentId: room.incidentId, typing: false });
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="chat">
      <ol className="chat-log" aria-label={t('roomChat')}>
        {!messages.length && <li className="muted">{t('chatEmpty')}</li>}
        {messages.map((m) => (
          <li key={m.seq} className={m.actor === user.id ? 'mine' : undefined}>
            <span className="event-meta">
              {room.nameOf(m.actor) ?? t('unknownUser')} ·{' '}
              <time dateTime={m.occurredAt}>{formatTime(m.occurredAt, lang)}</time>
            </span>
            <span className="chat-text">{highlightMentions(String(m.payload.text ?? ''))}</span>
          </li>
        ))}
      </ol>
      {typing.length > 0 && <p className="muted small">{t('typingNow', { names: typing.join(', ') })}</p>}
      {!readOnly && (
        <form className="chat-form" onSubmit={send}>
          <label htmlFor="chat-input" className="visually-hidden">
            {t('chatLabel')}
          </label>
          <div className="combo">
            <textarea
              id="chat-input"
              ref={input}
              rows={2}
              value={text}
              placeholder={t('chatPlaceholder')}
              maxLength={4000}
              aria-autocomplete="list"
              aria-expanded={Boolean(suggest)}
              aria-controls="mention-list"
              aria-activedescendant={suggest ? `mention-${suggest.items[suggest.active].userId}` : undefined}
              onChange={(e) => onChange(e.target.value, e.target.selectionStart)}
              onKeyDown={onKeyDown}
            />
            {suggest && (
              <ul
                id="mention-list"
                role="listbox"
                aria-label={t('mentionSuggestions')}
                className="suggestions"
              >
                {suggest.items.map((m, i) => (
                  <li
                    key={m.userId}
                    id={`mention-${m.userId}`}
                    role="option"
                    aria-selected={i === suggest.active}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      pick(m);
                    }}
                  >
                    {m.displayName}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <button type="submit" className="primary" disabled={sending || !text.trim()}>
            {sending ? t('saving') : t('chatSend')}
          </button>
        </form>
      )}
      <ErrorNote error={error} />
    </div>
  );
}

function highlightMentions(text: string) {
  const parts = text.split(/(@[\p{Lu}][\p{L}\p{N}]*(?: [\p{Lu}\p{N}][\p{L}\p{N}]*)*)/u);
  return parts.map((p, i) => (p.startsWith('@') ? <mark key={i}>{p}</mark> : <span key={i}>{p}</span>));
}
