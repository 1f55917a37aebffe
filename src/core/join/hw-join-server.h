/* hw-join-server.h: the people in a meeting join it from their phones'
 * browsers (issue 16).
 *
 * An HwJoinServer serves one meeting of one store over HTTP on the local
 * network. It is off until hw_join_server_start(), listens on one
 * loopback, link-local or private address only (a public address is
 * refused), and answers only clients on such addresses.
 *
 * Each attendee gets their own link, /j/TOKEN: the token is 256 bits from
 * the kernel's random generator (getrandom(2)), base64url, kept in memory
 * only (as its SHA-256, never written to the database or to any log). It
 * expires after a set time (12 hours unless changed) or when the server
 * stops, and hw_join_server_revoke() withdraws it at once.
 *
 * What a link shows is that person's own printed copy (an HwRecipient of
 * kind HW_RECIPIENT_SUPPORT for that person, the rules of hw-recipient.h):
 * never a confidential person or an item withheld from them, and no item
 * sent from a phone that the facilitator has not yet let through, other
 * than the person's own. Every write goes through hw-meeting.h (the same
 * validation, undo and audit as the window).
 *
 * Routes (all answers carry a Content-Security-Policy without inline
 * script, X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer
 * and Cache-Control: no-store):
 *   GET  /j/TOKEN          the page: the current step, a form to add a
 *                          strength, worry, idea or question, and in the
 *                          scaling step one's own 0-10 score per statement
 *   GET  /j/TOKEN/events   server-sent events: "phase" with JSON
 *                          {phase, title, number, total, revealed}
 *   POST /j/TOKEN/add      contribution=strength|worry|idea|question, text
 *   POST /j/TOKEN/score    item=ID, score=0..10, reason
 *   POST /j/TOKEN/task     task=ID, note: marks one of the person's own
 *                          tasks done (hw_service_plan_mark_task_done)
 *   GET  /j/TOKEN/safety-plan.pdf, /j/TOKEN/reunification-plan.pdf
 *                          the person's own copy of the plan: the latest
 *                          agreed version, else the draft
 *   GET  /j/CODE           a short one-time link (hw_join_server_invite_with_code):
 *                          303 to the person's page; used, expired,
 *                          withdrawn or unknown: one refusal page; 20 wrong
 *                          codes from one address within a minute: 429
 *   GET  /static/join.css, /static/join.js
 * A POST needs the page's CSRF token (field csrf, tied to the join token),
 * a same-origin Origin (when the browser sends one), a body of at most
 * the set size with a Content-Length, valid UTF-8, and is limited per
 * token (a bucket of requests refilled each second). A success answers
 * 303 back to the page (works without JavaScript).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_JOIN_ERROR (hw_join_error_quark ())

typedef enum {
  HW_JOIN_ERROR_ADDRESS,      /* not an address of the local network */
  HW_JOIN_ERROR_NOT_RUNNING,  /* the server has not been started */
  HW_JOIN_ERROR_NOT_ATTENDEE, /* not someone taking part who may have a link */
} HwJoinError;

GQuark hw_join_error_quark (void);

#define HW_TYPE_JOIN_SERVER (hw_join_server_get_type ())
G_DECLARE_FINAL_TYPE (HwJoinServer, hw_join_server, HW, JOIN_SERVER, GObject)

/* One link made by hw_join_server_invite_all(). */
typedef struct {
  gint64  person_id;
  char   *name;
  char   *url;        /* holds the token: show it to that person only */
} HwJoinInvite;

void hw_join_invite_free (HwJoinInvite *invite);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwJoinInvite, hw_join_invite_free)

/**
 * hw_join_server_new:
 * @store: the database
 * @meeting_id: the meeting people join
 *
 * The server is not listening yet: see hw_join_server_start().
 */
HwJoinServer *hw_join_server_new          (HwStore       *store,
                                           gint64         meeting_id);
/**
 * hw_join_server_start:
 * @address: (nullable): an IPv4 or IPv6 address of this computer on the
 *   local network (loopback, link-local, private 10/8, 172.16/12,
 *   192.168/16, IPv6 unique-local); NULL = the first private IPv4 address
 *   of this computer, else 127.0.0.1
 * @port: 0 = any free port
 *
 * Checks that the meeting exists, then listens. A public or wildcard
 * address fails with HW_JOIN_ERROR_ADDRESS and nothing listens.
 */
gboolean      hw_join_server_start        (HwJoinServer  *self,
                                           const char    *address,
                                           guint          port,
                                           GError       **error);
/* Stops listening, ends every live stream and forgets every token. */
void          hw_join_server_stop         (HwJoinServer  *self);

/**
 * hw_join_server_set_tls:
 * @cert_file: (nullable): the agency's certificate (PEM), with @key_file
 * @key_file: (nullable): its private key (PEM)
 * @dir: (nullable): without the agency's, a certificate made for this
 *   computer is kept here (hw_join_tls_for_this_computer())
 *
 * Before hw_join_server_start(): serve over HTTPS. All NULL: plain HTTP
 * (the core tests). A certificate that cannot be used makes the start
 * fail with a clear message.
 */
void             hw_join_server_set_tls             (HwJoinServer *self,
                                                      const char   *cert_file,
                                                      const char   *key_file,
                                                      const char   *dir);
/* (transfer none) (nullable): the certificate served while running. */
GTlsCertificate *hw_join_server_get_tls_certificate (HwJoinServer *self);

gboolean      hw_join_server_is_running   (HwJoinServer  *self);
guint         hw_join_server_get_port     (HwJoinServer  *self);
/* "http://192.168.1.20:8080" (no trailing slash), or NULL if stopped */
const char   *hw_join_server_get_base_url (HwJoinServer  *self);
gint64        hw_join_server_get_meeting_id (HwJoinServer *self);

/**
 * hw_join_server_invite:
 * @person_id: an attendee of the meeting, present or remote, who may
 *   have their own copy
 *
 * Makes a new link for that person; their previous link stops working.
 * Returns: (transfer full): the link, or NULL with @error set
 */
char         *hw_join_server_invite       (HwJoinServer  *self,
                                           gint64         person_id,
                                           GError       **error);
/**
 * hw_join_server_invite_all:
 *
 * A link for every attendee taking part who may have their own copy, in
 * the order of the list of attendees.
 * Returns: (transfer full) (element-type HwJoinInvite)
 */
GPtrArray    *hw_join_server_invite_all   (HwJoinServer  *self,
                                           GError       **error);
/* The person's link stops working at once (their live stream ends).
 * Returns: TRUE if they had one. */
gboolean      hw_join_server_revoke       (HwJoinServer  *self,
                                           gint64         person_id);

/**
 * hw_join_server_invite_with_code:
 * @person_id: as for hw_join_server_invite()
 * @short_url: (out): a short link to type, http://ADDR:PORT/j/CODE: the
 *   code is 8 characters without 0, O, 1, I or L; it works once, for ten
 *   minutes (hw_join_server_set_code_lifetime()), and leads to the link
 *   returned; hw_join_server_revoke() and a new link withdraw it
 *
 * Like hw_join_server_invite(), with a short link as well.
 * Returns: (transfer full): the long link, or NULL with @error set
 */
char         *hw_join_server_invite_with_code (HwJoinServer *self,
                                               gint64        person_id,
                                               char        **short_url,
                                               GError      **error);
/* TRUE while the person's short link works (made, not used, not expired). */
gboolean      hw_join_server_has_code     (HwJoinServer  *self,
                                           gint64         person_id);
/* How long a new short link works (default 10 minutes). */
void          hw_join_server_set_code_lifetime (HwJoinServer *self,
                                                GTimeSpan     lifetime);

/* How long a new link works (default 12 hours). */
void          hw_join_server_set_token_lifetime (HwJoinServer *self,
                                                 GTimeSpan     lifetime);
/**
 * hw_join_server_set_limits:
 * @max_body: the largest request body accepted, in bytes (default 16 KiB)
 * @burst: requests a token may make at once (default 20)
 * @per_second: requests a token is given back each second (default 5)
 */
void          hw_join_server_set_limits   (HwJoinServer  *self,
                                           gsize          max_body,
                                           guint          burst,
                                           double         per_second);

/* TRUE for loopback, link-local, private IPv4 and unique-local IPv6. */
gboolean      hw_join_address_is_local    (GInetAddress  *address);

G_END_DECLS
