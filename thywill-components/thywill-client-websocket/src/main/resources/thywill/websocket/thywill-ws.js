// Placeholder: the JavaScript client library for the plain-WebSocket protocol (documentation/protocol.md,
// "Plain WebSocket") is written on branch s16-websocket-js and replaces this file.
export {};
