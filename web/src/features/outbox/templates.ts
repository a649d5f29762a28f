// The template names now live in shared/messages (我的消息 shows them too).
export { templateLabel } from '../../shared/messages/templates.ts';
