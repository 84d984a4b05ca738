import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SESSION_ABSOLUTE_MS } from "@/lib/sessions";
import { recordSecurityEvent, requestAddress } from "./security-events";
import { activeSessionUser, revokeSession } from "./sessions";
import { verifyCredentials } from "./users";

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // A wrong password is an expected outcome, not a server error worth a stack trace.
  logger: {
    error(error) {
      if ((error as { type?: string }).type !== "CredentialsSignin") console.error(error);
    },
  },
  // The cookie lives no longer than the session row may (lib/sessions.ts); the row decides sooner.
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_MS / 1000 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => verifyCredentials(credentials, request),
    }),
  ],
  callbacks: {
    // Every read of the session asks its row: a revoked, idle or expired session signs no one in.
    async jwt({ token, user }) {
      if (user) {
        token.sid = (user as { sessionId?: string }).sessionId;
        return token;
      }
      return (await activeSessionUser(token.sid, token.sub)) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return Object.assign(session, { sessionId: typeof token.sid === "string" ? token.sid : undefined });
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      await revokeSession(token?.sid);
      const address = await requestAddress();
      await recordSecurityEvent({ kind: "SIGN_OUT", email: token?.email ?? "", userId: token?.sub ?? null, address });
    },
  },
});
