// A payload as lines a person reads: now in shared/messages (我的消息 shows them too).
export { payloadText } from '../../shared/messages/payload.ts';
