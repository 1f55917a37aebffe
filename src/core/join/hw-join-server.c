/* hw-join-server.c: the meeting on the attendees' phones (hw-join-server.h).
 *
 * Nothing here may write a token to a log: messages name the person's id,
 * never a path or a URL. libsoup's server logs nothing about requests
 * (only a SoupLogger, which is never attached here, would).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-join"

#include "hw-i18n.h"

#include <ifaddrs.h>
#include <libsoup/soup.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "hw-enums.h"
#include "hw-family-plan.h"
#include "hw-join-server.h"
#include "hw-join-tls.h"
#include "hw-join-token.h"
#include "hw-language.h"
#include "hw-meeting.h"
#include "hw-recipient.h"
#include "hw-date.h"
#include "hw-plan.h"
#include "hw-plan-document.h"
#include "hw-service-plan.h"
#include "hw-visits.h"
#include "hw-visits-document.h"

/* from the compiled hw-join.gresource.xml */
GResource *hw_join_get_resource (void);

#define DEFAULT_LIFETIME (12 * G_TIME_SPAN_HOUR)
#define DEFAULT_MAX_BODY (16 * 1024)
#define DEFAULT_BURST 20
#define DEFAULT_PER_SECOND 5.0
#define MAX_STREAMS_PER_GUEST 4
#define HEARTBEAT_SECONDS 20
#define CSRF_NONCE_BYTES 16
#define DEFAULT_CODE_LIFETIME (10 * G_TIME_SPAN_MINUTE)
/* wrong short codes one client may try in a window before it is refused */
#define MAX_BAD_CODES 20
#define BAD_CODE_WINDOW G_TIME_SPAN_MINUTE
/* clients remembered for the limits of the short codes */
#define MAX_CLIENTS 256
/* not in libsoup 3.2's SoupStatus */
#define HW_STATUS_TOO_MANY_REQUESTS 429

#define CSP "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';" \
            " connect-src 'self'; form-action 'self'; frame-ancestors 'none';" \
            " base-uri 'none'; object-src 'none'"

typedef struct {
  gint64     person_id;
  char      *digest;      /* SHA-256 of the token; the token itself is never kept */
  gint64     expires;     /* g_get_monotonic_time() */
  double     bucket;      /* requests left */
  gint64     bucket_at;   /* when the bucket was last filled */
  guint      n_streams;
} Guest;

/* A short one-time code that leads to a person's page, /j/CODE. It must
 * hold the person's join token for the redirect: it is kept for the few
 * minutes the code lives and wiped when the code is used, expires or is
 * withdrawn. */
typedef struct {
  gint64     person_id;
  char      *digest;      /* SHA-256 of the code; the code itself is never kept */
  char      *token;
  gint64     expires;     /* g_get_monotonic_time() */
} Code;

/* One address on the network, for the limits of the short codes (which,
 * unlike the tokens, are short enough to be guessed if tries were free). */
typedef struct {
  guint      bad;         /* wrong codes since bad_since */
  gint64     bad_since;
  double     bucket;
  gint64     bucket_at;
} Client;

struct _HwJoinServer
{
  GObject     parent_instance;
  HwStore    *store;
  gint64      meeting_id;
  SoupServer *soup;
  char       *base_url;
  char       *authority;    /* "127.0.0.1:8080": the Host a request must name */
  guint       port;
  gboolean    loopback;
  guint8      secret[32];   /* signs the CSRF tokens; new at each start */
  GHashTable *guests;       /* digest -> Guest (owned) */
  GHashTable *by_person;    /* person id (gint64 *) -> digest (borrowed from Guest) */
  GPtrArray  *streams;      /* SoupServerMessage: live event streams */
  GTimeSpan   lifetime;
  GTimeSpan   code_lifetime;
  GHashTable *codes;        /* digest -> Code (owned) */
  GHashTable *code_by_person; /* person id (gint64 *) -> digest (borrowed from Code) */
  GHashTable *clients;      /* address text -> Client */
  gsize       max_body;
  guint       burst;
  double      per_second;
  char       *last_event;   /* the last "phase" event sent, to send only changes */
  gulong      changed_id;
  guint       refresh_id;
  guint       heartbeat_id;
  gboolean    tls;          /* serve over HTTPS */
  char       *tls_cert_file; /* the agency's certificate, or NULL ... */
  char       *tls_key_file;
  char       *tls_dir;      /* ... one made for this computer in this folder */
  GTlsCertificate *tls_certificate; /* while running */
};

G_DEFINE_FINAL_TYPE (HwJoinServer, hw_join_server, G_TYPE_OBJECT)

G_DEFINE_QUARK (hw-join-error-quark, hw_join_error)

enum {
  CODE_USED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void stream_finished_cb (SoupServerMessage *msg, gpointer user_data);

/* Guests ------------------------------------------------------------------ */

static void
guest_free (gpointer data)
{
  Guest *guest = data;

  g_free (guest->digest);
  g_free (guest);
}

static void
code_free (gpointer data)
{
  Code *code = data;

  g_free (code->digest);
  if (code->token != NULL)
    memset (code->token, 0, strlen (code->token));
  g_free (code->token);
  g_free (code);
}

void
hw_join_invite_free (HwJoinInvite *invite)
{
  if (invite == NULL)
    return;
  g_free (invite->name);
  if (invite->url != NULL)
    memset (invite->url, 0, strlen (invite->url));
  g_free (invite->url);
  g_free (invite);
}

/* Addresses --------------------------------------------------------------- */

gboolean
hw_join_address_is_local (GInetAddress *address)
{
  g_return_val_if_fail (G_IS_INET_ADDRESS (address), FALSE);

  if (g_inet_address_get_is_any (address) || g_inet_address_get_is_multicast (address))
    return FALSE;
  if (g_inet_address_get_is_loopback (address) || g_inet_address_get_is_link_local (address)
      || g_inet_address_get_is_site_local (address))
    return TRUE;
  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    {
      const guint8 *bytes = g_inet_address_to_bytes (address);

      /* unique local addresses, fc00::/7 */
      if ((bytes[0] & 0xfe) == 0xfc)
        return TRUE;
    }
  return FALSE;
}

/* The first private IPv4 address of this computer, else loopback. */
static char *
pick_address (void)
{
  struct ifaddrs *list = NULL;
  char *found = NULL;

  if (getifaddrs (&list) == 0)
    {
      for (struct ifaddrs *i = list; i != NULL && found == NULL; i = i->ifa_next)
        {
          g_autoptr(GSocketAddress) sa = NULL;
          GInetAddress *inet;

          if (i->ifa_addr == NULL || i->ifa_addr->sa_family != AF_INET || !(i->ifa_flags & IFF_UP))
            continue;
          sa = g_socket_address_new_from_native (i->ifa_addr, sizeof (struct sockaddr_in));
          if (sa == NULL)
            continue;
          inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (sa));
          if (g_inet_address_get_is_site_local (inet))
            found = g_inet_address_to_string (inet);
        }
      freeifaddrs (list);
    }
  return found != NULL ? found : g_strdup ("127.0.0.1");
}

/* Responses --------------------------------------------------------------- */

static void
set_safety_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (h, "Content-Security-Policy", CSP);
  soup_message_headers_replace (h, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (h, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (h, "X-Frame-Options", "DENY");
  soup_message_headers_replace (h, "Cache-Control", "no-store");
  soup_message_headers_replace (h, "Cross-Origin-Resource-Policy", "same-origin");
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         const char        *body,
         gsize              length)
{
  set_safety_headers (msg);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, length);
}

static GBytes *
resource (const char *name)
{
  g_autofree char *path = g_strconcat ("/app/homeward/join/", name, NULL);

  return g_resource_lookup_data (hw_join_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

/* The page skeleton of join.html with its slots filled; @body is HTML,
 * everything else is escaped here. */
static char *
fill_page (const char *lang,
           const char *title,
           const char *events,
           const char *phase,
           gboolean    revealed,
           const char *body)
{
  g_autoptr(GBytes) bytes = resource ("join.html");
  g_autoptr(GString) out = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *e_lang = g_markup_escape_text (lang, -1);
  g_autofree char *e_title = g_markup_escape_text (title, -1);
  g_autofree char *e_events = g_markup_escape_text (events ? events : "", -1);
  g_autofree char *e_phase = g_markup_escape_text (phase ? phase : "", -1);

  g_string_replace (out, "@LANG@", e_lang, 1);
  g_string_replace (out, "@TITLE@", e_title, 1);
  g_string_replace (out, "@EVENTS@", e_events, 1);
  g_string_replace (out, "@PHASE@", e_phase, 1);
  g_string_replace (out, "@REVEALED@", revealed ? "true" : "false", 1);
  /* last: the body is the only slot whose content may hold an '@' */
  g_string_replace (out, "@BODY@", body, 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A page with only a heading and a sentence: errors and refusals. */
static void
respond_message (SoupServerMessage *msg,
                 guint              status,
                 const char        *heading,
                 const char        *text)
{
  g_autofree char *e_heading = g_markup_escape_text (heading, -1);
  g_autofree char *e_text = g_markup_escape_text (text, -1);
  g_autofree char *body = g_strdup_printf ("<main>\n<h1>%s</h1>\n<p>%s</p>\n</main>", e_heading, e_text);
  g_autofree char *page = fill_page (hw_language_get_current () ? hw_language_get_current () : "en",
                                     heading, NULL, NULL, FALSE, body);

  respond (msg, status, "text/html; charset=utf-8", page, strlen (page));
}

static void
respond_bad_link (SoupServerMessage *msg)
{
  /* the same answer for a token that never was, has expired or was
   * withdrawn: nothing to learn from trying */
  respond_message (msg, SOUP_STATUS_FORBIDDEN, _("This link does not work"),
                   _("It may have expired or been withdrawn. Ask the facilitator for a new one."));
}

static void
respond_bad_code (SoupServerMessage *msg)
{
  /* the same answer for a code used, expired, withdrawn or never made */
  respond_message (msg, SOUP_STATUS_FORBIDDEN, _("This link no longer works"),
                   _("Ask the facilitator for a new one."));
}

/* Tokens ------------------------------------------------------------------ */

/* The guest whose token is in @path ("/j/TOKEN..."), if it is still valid;
 * *rest is what follows the token ("", "/events", "/add"...). */
static Guest *
find_guest (HwJoinServer  *self,
            const char    *path,
            const char   **rest)
{
  g_autofree char *token = NULL;
  g_autofree char *digest = NULL;
  const char *start, *end;
  Guest *guest;

  g_assert (HW_IS_JOIN_SERVER (self));

  if (!g_str_has_prefix (path, "/j/"))
    return NULL;
  start = path + 3;
  end = strchr (start, '/');
  token = end ? g_strndup (start, end - start) : g_strdup (start);
  *rest = end ? end : "";
  if (!hw_join_token_is_wellformed (token))
    return NULL;
  digest = hw_join_token_digest (token);
  memset (token, 0, strlen (token));
  guest = g_hash_table_lookup (self->guests, digest);
  if (guest == NULL)
    return NULL;
  if (g_get_monotonic_time () >= guest->expires)
    {
      g_debug ("the link of person %" G_GINT64_FORMAT " has expired", guest->person_id);
      return NULL;
    }
  return guest;
}

/* One request off the guest's bucket; FALSE when it is empty. */
static gboolean
take_from_bucket (HwJoinServer *self,
                  Guest        *guest)
{
  gint64 now = g_get_monotonic_time ();

  g_assert (HW_IS_JOIN_SERVER (self));

  guest->bucket = MIN ((double) self->burst,
                       guest->bucket + self->per_second * (now - guest->bucket_at) / (double) G_USEC_PER_SEC);
  guest->bucket_at = now;
  if (guest->bucket < 1.0)
    return FALSE;
  guest->bucket -= 1.0;
  return TRUE;
}

/* "NONCE.MAC": a fresh nonce, signed with the server's secret together
 * with the join token's digest, so that it only works for that link. */
static char *
csrf_sign (HwJoinServer *self,
           const Guest  *guest,
           const char   *nonce)
{
  g_autofree char *data = g_strconcat (guest->digest, ":", nonce, NULL);
  g_autofree char *mac = g_compute_hmac_for_string (G_CHECKSUM_SHA256, self->secret,
                                                    sizeof self->secret, data, -1);

  return g_strconcat (nonce, ".", mac, NULL);
}

static char *
csrf_new (HwJoinServer *self,
          const Guest  *guest)
{
  guint8 bytes[CSRF_NONCE_BYTES];
  g_autoptr(GString) nonce = g_string_new (NULL);

  g_assert (HW_IS_JOIN_SERVER (self));

  if (!hw_join_random_bytes (bytes, sizeof bytes))
    return NULL;
  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (nonce, "%02x", bytes[i]);
  return csrf_sign (self, guest, nonce->str);
}

static gboolean
csrf_check (HwJoinServer *self,
            const Guest  *guest,
            const char   *value)
{
  const char *dot;
  g_autofree char *nonce = NULL;
  g_autofree char *expected = NULL;

  g_assert (HW_IS_JOIN_SERVER (self));

  if (value == NULL || (dot = strchr (value, '.')) == NULL || dot - value != CSRF_NONCE_BYTES * 2)
    return FALSE;
  nonce = g_strndup (value, dot - value);
  expected = csrf_sign (self, guest, nonce);
  return hw_join_secret_equal (expected, value);
}

/* Who a page is for ------------------------------------------------------- */

typedef struct {
  HwRecipient  recipient;   /* that person's own copy */
  HwRecord    *person;
  HwRecord    *meeting;
  GHashTable  *people;      /* id -> HwRecord of the case's people */
  char        *language;
  gboolean     family;      /* a family member: writes the family's plan */
  const char  *plan_draft;  /* the plan's words sent with a refused save */
} Visitor;

static void
visitor_clear (Visitor *v)
{
  g_clear_object (&v->person);
  g_clear_object (&v->meeting);
  g_clear_pointer (&v->people, g_hash_table_unref);
  g_clear_pointer (&v->language, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Visitor, visitor_clear)

/* May @person_id have a link: an attendee taking part, whose own copy
 * may exist (as the print dialog decides), of this meeting. */
static HwRecord *
check_attendee (HwJoinServer  *self,
                gint64         person_id,
                GError       **error)
{
  HwRecipient own = { HW_RECIPIENT_SUPPORT, person_id };
  g_autoptr(HwRecord) person = NULL;
  gint64 n;

  g_assert (HW_IS_JOIN_SERVER (self));

  n = hw_store_query_int (self->store, 0,
                          "SELECT count(*) FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id"
                          " JOIN people p ON p.id = a.person_id AND p.case_id = m.case_id"
                          " WHERE a.meeting_id = ? AND a.person_id = ?"
                          " AND a.attendance IN ('present','remote')",
                          G_TYPE_INT64, self->meeting_id, G_TYPE_INT64, person_id, G_TYPE_INVALID);
  if (n == 1)
    person = hw_store_get (self->store, "people", person_id, NULL);
  if (person == NULL || !hw_recipient_may_see_record (&own, person))
    {
      g_set_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_NOT_ATTENDEE,
                   _("Only someone taking part in this meeting, who may have their own copy, can have a link."));
      return NULL;
    }
  return g_steal_pointer (&person);
}

static void
record_unref (gpointer data)
{
  g_object_unref (data);
}

static gboolean
visitor_load (HwJoinServer  *self,
              const Guest   *guest,
              Visitor       *v,
              GError       **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(HwRecord) kase = NULL;
  const char *lang;

  g_assert (HW_IS_JOIN_SERVER (self));

  v->meeting = hw_store_get (self->store, "meetings", self->meeting_id, NULL);
  if (v->meeting == NULL)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND, _("This meeting has ended."));
      return FALSE;
    }
  v->person = check_attendee (self, guest->person_id, error);
  if (v->person == NULL)
    return FALSE;
  v->recipient.kind = HW_RECIPIENT_SUPPORT;
  v->recipient.person_id = guest->person_id;
  v->family = hw_family_plan_role_is_family (hw_record_get_string (v->person, "role"));

  people = hw_store_select (self->store, "people", error,
                            "SELECT id, name, confidential, withheld_from FROM people WHERE case_id = ?",
                            G_TYPE_INT64, hw_record_get_int (v->meeting, "case_id"), G_TYPE_INVALID);
  if (people == NULL)
    return FALSE;
  v->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, record_unref);
  for (guint i = 0; i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);

      g_hash_table_insert (v->people, g_memdup2 (&(gint64) { hw_record_get_id (p) }, sizeof (gint64)),
                           g_object_ref (p));
    }

  /* the person's own language, else the family's; English if documents
   * cannot be made in it */
  kase = hw_store_get (self->store, "cases", hw_record_get_int (v->meeting, "case_id"), NULL);
  lang = hw_record_get_string (v->person, "language");
  if (lang == NULL || *lang == '\0')
    lang = kase ? hw_record_get_string (kase, "primary_language") : "en";
  v->language = hw_language_choose (NULL, lang, NULL);
  if (v->language == NULL)
    v->language = g_strdup ("en");
  return TRUE;
}

/* What the person may be called on this person's page. */
static const char *
visible_name (Visitor *v,
              gint64   person_id)
{
  HwRecord *p = g_hash_table_lookup (v->people, &person_id);

  if (p == NULL || !hw_recipient_may_see_record (&v->recipient, p))
    return _("Participant");
  return hw_record_get_string (p, "name");
}

/* The page ---------------------------------------------------------------- */

static const char *
contribution_label (const char *kind)
{
  if (g_strcmp0 (kind, "strength") == 0)
    return _("Something that is working well");
  if (g_strcmp0 (kind, "worry") == 0)
    return _("A worry");
  if (g_strcmp0 (kind, "idea") == 0)
    return _("An idea");
  return _("A question");
}

/* Appends @pattern with its one "%s" replaced by @text, escaped for
 * HTML (not a printf format: nothing else in @pattern is interpreted). */
static void
append_escaped (GString    *out,
                const char *pattern,
                const char *text)
{
  g_autofree char *e = g_markup_escape_text (text ? text : "", -1);
  const char *slot = strstr (pattern, "%s");

  g_assert (slot != NULL);
  g_string_append_len (out, pattern, slot - pattern);
  g_string_append (out, e);
  g_string_append (out, slot + 2);
}

static char *
step_number_text (const char *phase)
{
  guint n_phases;

  hw_choices_get (HW_CHOICES_MEETING_PHASE, &n_phases);
  /* TRANSLATORS: on the phone's page: "Step 5 of 15" */
  return g_strdup_printf (_("Step %d of %u"), hw_choices_index (HW_CHOICES_MEETING_PHASE, phase) + 1,
                          n_phases);
}

static const char *
current_phase (HwRecord *meeting)
{
  const char *phase = hw_record_get_string (meeting, "current_phase");

  return hw_choices_valid (HW_CHOICES_MEETING_PHASE, phase) ? phase : "welcome";
}

static void
append_add_form (GString    *out,
                 const char *base,
                 const char *csrf,
                 const char *kind,
                 const char *text)
{
  static const char * const kinds[] = { "strength", "worry", "idea", "question" };

  g_string_append (out, "<section aria-labelledby=\"add-heading\">\n");
  append_escaped (out, "<h2 id=\"add-heading\">%s</h2>\n", _("Add your own words"));
  append_escaped (out, "<form method=\"post\" action=\"%s/add\">\n", base);
  append_escaped (out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", csrf);
  g_string_append (out, "<fieldset>\n");
  append_escaped (out, "<legend>%s</legend>\n", _("What is it?"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gboolean checked = kind != NULL ? g_str_equal (kind, kinds[i]) : i == 0;

      g_string_append_printf (out, "<label class=\"choice\"><input type=\"radio\" name=\"contribution\""
                              " value=\"%s\"%s>", kinds[i], checked ? " checked" : "");
      append_escaped (out, "%s</label>\n", contribution_label (kinds[i]));
    }
  g_string_append (out, "</fieldset>\n");
  append_escaped (out, "<label for=\"text\">%s</label>\n", _("In your own words"));
  append_escaped (out, "<textarea id=\"text\" name=\"text\" rows=\"4\" maxlength=\"4000\" required>%s</textarea>\n",
                  text);
  append_escaped (out, "<button type=\"submit\">%s</button>\n", _("Send"));
  append_escaped (out, "<p class=\"hint\">%s</p>\n",
                  _("The facilitator reads it first, then puts it on the screen."));
  g_string_append (out, "</form>\n</section>\n");
}

static void
append_scores (HwJoinServer *self,
               Visitor      *v,
               GString      *out,
               const char   *base,
               const char   *csrf)
{
  g_autoptr(GPtrArray) items = NULL;
  gboolean revealed = hw_record_get_boolean (v->meeting, "scores_revealed");
  guint shown = 0;

  g_assert (HW_IS_JOIN_SERVER (self));

  items = hw_meeting_list_items (self->store, self->meeting_id, NULL, &v->recipient, NULL);
  g_string_append (out, "<section aria-labelledby=\"score-heading\">\n");
  append_escaped (out, "<h2 id=\"score-heading\">%s</h2>\n", _("Your score, from 0 to 10"));
  append_escaped (out, "<p class=\"hint\">%s</p>\n",
                  revealed ? _("The facilitator has shown everyone’s scores.")
                           : _("Only you see your score until the facilitator shows everyone’s."));
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      HwRecord *item = g_ptr_array_index (items, i);
      const char *phase = hw_record_get_string (item, "phase");
      gint64 item_id = hw_record_get_id (item);
      gint64 mine = -1, version = 0;
      g_autoptr(GPtrArray) scores = NULL;
      g_autoptr(GPtrArray) own = NULL;

      if (g_strcmp0 (phase, "worries") != 0 && g_strcmp0 (phase, "safety-goals") != 0)
        continue;
      shown++;
      own = hw_store_select (self->store, "meeting_scores", NULL,
                             "SELECT id, score, version FROM meeting_scores WHERE item_id = ? AND person_id = ?",
                             G_TYPE_INT64, item_id, G_TYPE_INT64, v->recipient.person_id, G_TYPE_INVALID);
      if (own != NULL && own->len > 0)
        {
          mine = hw_record_get_int (g_ptr_array_index (own, 0), "score");
          version = hw_record_get_version (g_ptr_array_index (own, 0));
        }
      g_string_append_printf (out, "<div class=\"statement\">\n<form method=\"post\" action=\"");
      append_escaped (out, "%s/score\">\n", base);
      append_escaped (out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", csrf);
      g_string_append_printf (out, "<input type=\"hidden\" name=\"item\" value=\"%" G_GINT64_FORMAT "\">\n",
                              item_id);
      /* the score as this page shows it (0: none yet): a score changed
       * elsewhere since is not overwritten (handle_score) */
      g_string_append_printf (out, "<input type=\"hidden\" name=\"version\" value=\"%" G_GINT64_FORMAT "\">\n",
                              version);
      g_string_append_printf (out, "<p id=\"statement-%" G_GINT64_FORMAT "\">", item_id);
      append_escaped (out, "%s</p>\n", hw_record_get_string (item, "text"));
      g_string_append_printf (out, "<label for=\"score-%" G_GINT64_FORMAT "\">", item_id);
      append_escaped (out, "%s</label>\n", _("My score"));
      g_string_append_printf (out, "<select id=\"score-%" G_GINT64_FORMAT "\" name=\"score\""
                              " aria-describedby=\"statement-%" G_GINT64_FORMAT "\">\n", item_id, item_id);
      if (mine < 0)
        append_escaped (out, "<option value=\"\" selected>%s</option>\n", _("Choose a number"));
      for (int s = 0; s <= 10; s++)
        g_string_append_printf (out, "<option value=\"%d\"%s>%d</option>\n", s, s == mine ? " selected" : "", s);
      g_string_append (out, "</select>\n");
      append_escaped (out, "<button type=\"submit\">%s</button>\n", _("Save my score"));
      g_string_append (out, "</form>\n");

      /* everyone's scores, only once the facilitator shows them */
      if (revealed)
        scores = hw_store_select (self->store, "meeting_scores", NULL,
                                  "SELECT s.id, s.person_id, s.score FROM meeting_scores s"
                                  " LEFT JOIN meeting_attendees a ON a.meeting_id = s.meeting_id"
                                  "  AND a.person_id = s.person_id"
                                  " WHERE s.item_id = ? ORDER BY a.id, s.id",
                                  G_TYPE_INT64, item_id, G_TYPE_INVALID);
      if (scores != NULL && scores->len > 0)
        {
          append_escaped (out, "<p class=\"hint\">%s</p>\n<ul class=\"scores\">\n", _("Everyone’s scores"));
          for (guint j = 0; j < scores->len; j++)
            {
              HwRecord *s = g_ptr_array_index (scores, j);

              append_escaped (out, "<li>%s: ", visible_name (v, hw_record_get_int (s, "person_id")));
              g_string_append_printf (out, "%d</li>\n", (int) hw_record_get_int (s, "score"));
            }
          g_string_append (out, "</ul>\n");
        }
      g_string_append (out, "</div>\n");
    }
  if (shown == 0)
    append_escaped (out, "<p>%s</p>\n", _("There is nothing to score yet."));
  g_string_append (out, "</section>\n");
}

/* The person's own tasks of the service plan, as their printed copy of
 * the plan lists them (tasks under a need withheld from them are left out
 * by hw_service_plan_list_tasks()). */
static GPtrArray *
list_own_tasks (HwJoinServer *self,
                Visitor      *v)
{
  HwTaskFilter filter = { .by_person = TRUE, .person_id = v->recipient.person_id };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_assert (HW_IS_JOIN_SERVER (self));

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return hw_service_plan_list_tasks (self->store, hw_record_get_int (v->meeting, "case_id"), &v->recipient,
                                     &filter, HW_TASK_SORT_STATUS, &today, NULL);
}

/* "What I need to do": each task with its status and date; an open one
 * can be marked done, with a note for the plan's progress notes. */
static void
append_tasks (HwJoinServer *self,
              Visitor      *v,
              GString      *out,
              const char   *base,
              const char   *csrf)
{
  g_autoptr(GPtrArray) tasks = list_own_tasks (self, v);

  g_assert (HW_IS_JOIN_SERVER (self));

  if (tasks == NULL || tasks->len == 0)
    return;

  g_string_append (out, "<section aria-labelledby=\"tasks-heading\">\n");
  append_escaped (out, "<h2 id=\"tasks-heading\">%s</h2>\n<ul class=\"items tasks\">\n", _("What I need to do"));
  for (guint i = 0; i < tasks->len; i++)
    {
      HwRecord *task = g_ptr_array_index (tasks, i);
      const char *target = hw_record_get_string (task, "target_date");
      const char *status = hw_record_get_string (task, "status");
      gint64 id = hw_record_get_id (task);

      g_string_append_printf (out, "<li><span id=\"task-%" G_GINT64_FORMAT "\">", id);
      append_escaped (out, "%s</span>", hw_record_get_string (task, "description"));
      append_escaped (out, "<br><span class=\"hint\">%s", hw_choice_label (HW_CHOICES_TASK_STATUS, status));
      if (target != NULL && *target != '\0')
        {
          g_autofree char *date = hw_language_format_iso (target, HW_DATE_LONG, FALSE);
          /* TRANSLATORS: after a task's status on the phone's page: "by 6 December 2026" */
          g_autofree char *by = g_strdup_printf (_("by %s"), date);

          append_escaped (out, " · %s", by);
        }
      g_string_append (out, "</span>\n");
      if (g_strcmp0 (status, "done") != 0 && g_strcmp0 (status, "dropped") != 0)
        {
          /* a closed <details> keeps the list short; it opens without script */
          append_escaped (out, "<details>\n<summary>%s</summary>\n", _("I have done this"));
          append_escaped (out, "<form method=\"post\" action=\"%s/task\">\n", base);
          append_escaped (out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", csrf);
          g_string_append_printf (out, "<input type=\"hidden\" name=\"task\" value=\"%" G_GINT64_FORMAT "\">\n", id);
          g_string_append_printf (out, "<label for=\"note-%" G_GINT64_FORMAT "\">", id);
          append_escaped (out, "%s</label>\n", _("A note for the plan (you can leave it empty)"));
          g_string_append_printf (out, "<textarea id=\"note-%" G_GINT64_FORMAT "\" name=\"note\" rows=\"3\""
                                  " maxlength=\"2000\" aria-describedby=\"task-%" G_GINT64_FORMAT "\"></textarea>\n",
                                  id, id);
          append_escaped (out, "<button type=\"submit\">%s</button>\n", _("Mark as done"));
          g_string_append (out, "</form>\n</details>\n");
        }
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n</section>\n");
}

/* "My family time": the visits of the next four weeks this person takes
 * part in, as their copy of the family-time plan shows them: when, how
 * long, the supervision, where (unless it is an address kept from them),
 * and whether it was cancelled; never who else is there. */
static void
append_visits (HwJoinServer *self,
               Visitor      *v,
               GString      *out)
{
  gint64 case_id = hw_record_get_int (v->meeting, "case_id");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GArray) visits = NULL;
  guint shown = 0;

  g_assert (HW_IS_JOIN_SERVER (self));

  visits = hw_visits_list (self->store, case_id, v->recipient.person_id, now - 3600, now + 28 * 86400, NULL);
  if (visits == NULL || visits->len == 0)
    return;

  g_string_append (out, "<section aria-labelledby=\"visits-heading\">\n");
  append_escaped (out, "<h2 id=\"visits-heading\">%s</h2>\n", _("My family time"));
  append_escaped (out, "<p class=\"hint\">%s</p>\n<ul class=\"items visits\">\n", _("The next four weeks"));
  for (guint i = 0; i < visits->len && shown < 12; i++, shown++)
    {
      HwVisit *visit = &g_array_index (visits, HwVisit, i);
      g_autofree char *when = hw_language_format_iso (visit->occ.local_start, HW_DATE_WEEKDAY, TRUE);
      g_autofree char *length = hw_language_format_duration ((int) ((visit->occ.end_utc - visit->occ.start_utc) / 60));
      gboolean cancelled = hw_visit_status_is_cancelled (visit->status);

      append_escaped (out, "<li><strong>%s</strong>", when);
      append_escaped (out, " (%s)", length);
      append_escaped (out, "<br>%s", hw_visits_display_title (visit->title));
      append_escaped (out, " · %s", hw_visit_level_label (visit->level));
      if (visit->place != NULL && visit->place[0] != '\0'
          && hw_visits_place_may_show (self->store, case_id, &v->recipient, visit->place))
        {
          /* TRANSLATORS: where a visit takes place, on the phone's page */
          g_autofree char *where = g_strdup_printf (_("Where: %s"), visit->place);

          append_escaped (out, "<br>%s", where);
        }
      if (cancelled)
        append_escaped (out, "<br><span class=\"cancelled\">%s</span>", hw_visit_status_label (visit->status));
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n</section>\n");
}

/* "My copies": the plans as this person's own printed copy, as PDF. */
static void
append_copies (HwJoinServer *self,
               Visitor      *v,
               GString      *out,
               const char   *base)
{
  gint64 case_id = hw_record_get_int (v->meeting, "case_id");
  gboolean safety = hw_plan_find (self->store, case_id, HW_PLAN_SAFETY) != 0;
  gboolean home = hw_plan_find (self->store, case_id, HW_PLAN_REUNIFICATION) != 0;

  g_assert (HW_IS_JOIN_SERVER (self));

  if (!safety && !home)
    return;
  g_string_append (out, "<section aria-labelledby=\"copies-heading\">\n");
  append_escaped (out, "<h2 id=\"copies-heading\">%s</h2>\n<ul class=\"items copies\">\n", _("My copy of the plans"));
  if (safety)
    {
      append_escaped (out, "<li><a href=\"%s/safety-plan.pdf\">", base);
      append_escaped (out, "%s</a></li>\n", _("The safety plan (PDF)"));
    }
  if (home)
    {
      append_escaped (out, "<li><a href=\"%s/reunification-plan.pdf\">", base);
      append_escaped (out, "%s</a></li>\n", _("The plan for after going home (PDF)"));
    }
  g_string_append (out, "</ul>\n");
  append_escaped (out, "<p class=\"hint\">%s</p>\n",
                  _("The same copy the facilitator would print for you: the agreed plan, or the draft if it is not agreed yet."));
  g_string_append (out, "</section>\n");
}

/* The family's own plan. During private family time a family member
 * writes it here and shares it with the team; anyone else reads only
 * that the family is writing it, never a word of it, until it is shared.
 * At the other steps it is there to read for whoever may see it. */
static void
append_family_plan (HwJoinServer *self,
                    Visitor      *v,
                    GString      *out,
                    const char   *base,
                    const char   *csrf,
                    gboolean      family_time)
{
  g_autofree char *text = hw_family_plan_text_for (self->store, self->meeting_id, v->recipient.person_id);
  gboolean shared = hw_family_plan_is_shared (self->store, self->meeting_id);

  g_assert (HW_IS_JOIN_SERVER (self));

  if (!v->family || !family_time)
    {
      if (text == NULL && !family_time)
        return;
      g_string_append (out, "<section aria-labelledby=\"plan-heading\">\n");
      append_escaped (out, "<h2 id=\"plan-heading\">%s</h2>\n", _("The family’s plan"));
      if (text != NULL)
        append_escaped (out, "<p class=\"family-plan\">%s</p>\n", text);
      else
        append_escaped (out, "<p class=\"private\">%s</p>\n",
                        _("The family is writing its plan in private. You will see it when they share it with the team."));
      g_string_append (out, "</section>\n");
      return;
    }

  g_string_append (out, "<section aria-labelledby=\"plan-heading\">\n");
  append_escaped (out, "<h2 id=\"plan-heading\">%s</h2>\n", _("Our family’s plan"));
  append_escaped (out, "<p class=\"private\">%s</p>\n",
                  shared ? _("You have shared this plan with the team. Everyone can read it now, and they see the changes you save.")
                         : _("Only your family sees this plan. The professionals see it only after you share it with the team."));
  append_escaped (out, "<form method=\"post\" action=\"%s/plan\">\n", base);
  append_escaped (out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", csrf);
  append_escaped (out, "<label for=\"plan\">%s</label>\n", _("What your family plans to do"));
  g_string_append_printf (out, "<textarea id=\"plan\" name=\"plan\" rows=\"8\" maxlength=\"%d\"%s>",
                          HW_FAMILY_PLAN_MAX_TEXT, v->plan_draft != NULL ? "" : " data-saved");
  append_escaped (out, "%s</textarea>\n", v->plan_draft != NULL ? v->plan_draft : text);
  append_escaped (out, "<button type=\"submit\">%s</button>\n", _("Save our plan"));
  g_string_append (out, "</form>\n");
  if (!shared)
    {
      append_escaped (out, "<form method=\"post\" action=\"%s/share\">\n", base);
      append_escaped (out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", csrf);
      append_escaped (out, "<button type=\"submit\" class=\"secondary\">%s</button>\n", _("Share with the team"));
      append_escaped (out, "<p class=\"hint\">%s</p>\n",
                      _("Save your plan first. Once shared, the professionals and the facilitator can read it."));
      g_string_append (out, "</form>\n");
    }
  g_string_append (out, "</section>\n");
}

/* The whole page for @v, in their language (the caller pushed it). */
static char *
build_page (HwJoinServer *self,
            const Guest  *guest,
            Visitor      *v,
            const char   *token_path,
            const char   *notice,
            gboolean      notice_is_error,
            const char   *kind,
            const char   *text)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autofree char *csrf = csrf_new (self, guest);
  g_autofree char *number = NULL;
  g_autofree char *events = g_strconcat (token_path, "/events", NULL);
  g_autofree char *title = NULL;
  const char *phase = current_phase (v->meeting);
  const char *meeting_title = hw_choice_label (HW_CHOICES_MEETING_KIND,
                                               hw_record_get_string (v->meeting, "kind"));
  guint n_items = 0;

  g_assert (HW_IS_JOIN_SERVER (self));

  if (csrf == NULL)
    return NULL;
  number = step_number_text (phase);

  g_string_append (body, "<header>\n");
  append_escaped (body, "<p>%s</p>\n", meeting_title);
  {
    /* TRANSLATORS: on the phone's page, %s is the person's own name */
    g_autofree char *who = g_strdup_printf (_("You are taking part as %s"),
                                            hw_record_get_string (v->person, "name"));
    append_escaped (body, "<p class=\"who\">%s</p>\n", who);
  }
  g_string_append (body, "</header>\n<main>\n");

  append_escaped (body, "<div id=\"news\" class=\"notice news\" role=\"status\" hidden>%s ",
                  _("The meeting has moved on."));
  append_escaped (body, "<a href=\"%s\">", token_path);
  append_escaped (body, "%s</a></div>\n", _("Show the new step"));
  if (notice != NULL)
    {
      g_string_append_printf (body, "<div class=\"notice%s\" role=\"%s\">", notice_is_error ? " error" : "",
                              notice_is_error ? "alert" : "status");
      append_escaped (body, "%s</div>\n", notice);
    }

  g_string_append (body, "<section aria-labelledby=\"step-title\" aria-live=\"polite\">\n");
  append_escaped (body, "<p class=\"step\" id=\"step-number\">%s</p>\n", number);
  append_escaped (body, "<h1 id=\"step-title\">%s</h1>\n", hw_choice_label (HW_CHOICES_MEETING_PHASE, phase));

  /* what the room's screen shows of this step, as far as this person's
   * copy may show it */
  items = hw_meeting_list_items (self->store, self->meeting_id, phase, &v->recipient, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      if (n_items++ == 0)
        g_string_append (body, "<ul class=\"items\">\n");
      append_escaped (body, "<li>%s</li>\n", hw_record_get_string (g_ptr_array_index (items, i), "text"));
    }
  if (n_items > 0)
    g_string_append (body, "</ul>\n");
  g_string_append (body, "</section>\n");

  if (g_strcmp0 (phase, "scaling") == 0)
    append_scores (self, v, body, token_path, csrf);
  append_family_plan (self, v, body, token_path, csrf, g_strcmp0 (phase, "family-time") == 0);
  append_add_form (body, token_path, csrf, kind, text);

  /* what this person sent that the facilitator has not yet put up; an
   * item merged with someone else's is theirs too (coauthor_person_id) */
  mine = hw_store_select (self->store, "meeting_items", NULL,
                          "SELECT * FROM meeting_items WHERE meeting_id = ?"
                          " AND (author_person_id = ? OR coauthor_person_id = ?)"
                          " AND hidden = 1 ORDER BY id",
                          G_TYPE_INT64, self->meeting_id, G_TYPE_INT64, v->recipient.person_id,
                          G_TYPE_INT64, v->recipient.person_id, G_TYPE_INVALID);
  if (mine != NULL)
    {
      guint shown = 0;

      for (guint i = 0; i < mine->len; i++)
        {
          HwRecord *item = g_ptr_array_index (mine, i);

          if (!hw_recipient_may_see_record (&v->recipient, item))
            continue;
          if (shown++ == 0)
            {
              g_string_append (body, "<section aria-labelledby=\"mine-heading\">\n");
              append_escaped (body, "<h2 id=\"mine-heading\">%s</h2>\n", _("What you sent"));
              append_escaped (body, "<p class=\"hint\">%s</p>\n<ul class=\"items\">\n",
                              _("The facilitator has not put it on the screen yet."));
            }
          append_escaped (body, "<li><span class=\"pending\">%s:</span> ",
                          contribution_label (hw_record_get_string (item, "contribution")));
          append_escaped (body, "%s</li>\n", hw_record_get_string (item, "text"));
        }
      if (shown > 0)
        g_string_append (body, "</ul>\n</section>\n");
    }
  append_tasks (self, v, body, token_path, csrf);
  append_visits (self, v, body);
  append_copies (self, v, body, token_path);
  g_string_append (body, "</main>\n");

  /* TRANSLATORS: the browser tab's title: "Step 5 of 15 — What is working well" */
  title = g_strdup_printf (_("%s — %s"), number, hw_choice_label (HW_CHOICES_MEETING_PHASE, phase));
  return fill_page (v->language, title, events, phase,
                    hw_record_get_boolean (v->meeting, "scores_revealed"), body->str);
}

/* Events ------------------------------------------------------------------ */

/* The "phase" event: only the step and whether scores are shown, never
 * an item. In the English of the server when no visitor is known. */
static char *
phase_event (HwJoinServer *self,
             HwRecord     *meeting)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *number = NULL;
  g_autofree char *json = NULL;
  const char *phase = current_phase (meeting);
  guint n_phases;

  g_assert (HW_IS_JOIN_SERVER (self));

  hw_choices_get (HW_CHOICES_MEETING_PHASE, &n_phases);
  number = step_number_text (phase);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "phase");
  json_builder_add_string_value (b, phase);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, hw_choice_label (HW_CHOICES_MEETING_PHASE, phase));
  json_builder_set_member_name (b, "number");
  json_builder_add_int_value (b, hw_choices_index (HW_CHOICES_MEETING_PHASE, phase) + 1);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, n_phases);
  json_builder_set_member_name (b, "number_text");
  json_builder_add_string_value (b, number);
  json_builder_set_member_name (b, "revealed");
  json_builder_add_boolean_value (b, hw_record_get_boolean (meeting, "scores_revealed"));
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json = json_generator_to_data (gen, NULL);
  return g_strdup_printf ("event: phase\ndata: %s\n\n", json);
}

typedef struct {
  char *language;
  char *digest;
} StreamData;

static void
stream_data_free (gpointer data)
{
  StreamData *sd = data;

  g_free (sd->language);
  g_free (sd->digest);
  g_free (sd);
}

static void
stream_write (SoupServerMessage *msg,
              const char        *text)
{
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_COPY,
                            text, strlen (text));
  soup_server_message_unpause (msg);
}

/* Sends the current step to every live stream, each in its person's
 * language; does nothing when neither the step nor the reveal changed. */
static void
broadcast_phase (HwJoinServer *self)
{
  g_autoptr(HwRecord) meeting = NULL;
  g_autofree char *key = NULL;

  g_assert (HW_IS_JOIN_SERVER (self));

  meeting = hw_store_get (self->store, "meetings", self->meeting_id, NULL);
  if (meeting == NULL)
    return;
  key = g_strdup_printf ("%s:%d", current_phase (meeting), hw_record_get_boolean (meeting, "scores_revealed"));
  if (g_strcmp0 (key, self->last_event) == 0)
    return;
  g_free (self->last_event);
  self->last_event = g_steal_pointer (&key);

  for (guint i = 0; i < self->streams->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (self->streams, i);
      StreamData *sd = g_object_get_data (G_OBJECT (msg), "hw-join-stream");
      HwLanguageSwitch *sw = hw_language_push (sd->language);
      g_autofree char *event = phase_event (self, meeting);

      hw_language_pop (sw);
      stream_write (msg, event);
    }
}

static void
store_changed_cb (HwStore    *store,
                  const char *what,
                  gpointer    user_data)
{
  HwJoinServer *self = HW_JOIN_SERVER (user_data);

  broadcast_phase (self);
}

/* Edits made by another program (the window, while `homeward serve` runs
 * headless) reach this store's ::changed through hw_store_refresh(). */
static gboolean
refresh_cb (gpointer user_data)
{
  HwJoinServer *self = HW_JOIN_SERVER (user_data);

  hw_store_refresh (self->store);
  return G_SOURCE_CONTINUE;
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  HwJoinServer *self = HW_JOIN_SERVER (user_data);

  for (guint i = 0; i < self->streams->len; i++)
    stream_write (g_ptr_array_index (self->streams, i), ": still here\n\n");
  return G_SOURCE_CONTINUE;
}

static void
stream_finished_cb (SoupServerMessage *msg,
                    gpointer           user_data)
{
  HwJoinServer *self = HW_JOIN_SERVER (user_data);
  StreamData *sd = g_object_get_data (G_OBJECT (msg), "hw-join-stream");
  Guest *guest = sd ? g_hash_table_lookup (self->guests, sd->digest) : NULL;

  if (guest != NULL && guest->n_streams > 0)
    guest->n_streams--;
  g_debug ("a live page of person %" G_GINT64_FORMAT " closed", guest ? guest->person_id : 0);
  g_signal_handlers_disconnect_by_data (msg, self);
  g_ptr_array_remove (self->streams, msg);
}

static void
end_stream (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_message_body_append (body, SOUP_MEMORY_STATIC, "event: end\ndata: {}\n\n",
                            strlen ("event: end\ndata: {}\n\n"));
  soup_message_body_complete (body);
  soup_server_message_unpause (msg);
}

static void
start_stream (HwJoinServer      *self,
              SoupServerMessage *msg,
              Guest             *guest,
              Visitor           *v)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  StreamData *sd;
  g_autofree char *event = NULL;

  g_assert (HW_IS_JOIN_SERVER (self));

  if (guest->n_streams >= MAX_STREAMS_PER_GUEST)
    {
      respond_message (msg, HW_STATUS_TOO_MANY_REQUESTS, _("Too many pages are open"),
                       _("Close this page on your other devices, then try again."));
      return;
    }
  guest->n_streams++;

  sd = g_new0 (StreamData, 1);
  sd->language = g_strdup (v->language);
  sd->digest = g_strdup (guest->digest);
  g_object_set_data_full (G_OBJECT (msg), "hw-join-stream", sd, stream_data_free);

  set_safety_headers (msg);
  soup_message_headers_set_encoding (h, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (h, "text/event-stream", NULL);
  soup_message_headers_replace (h, "X-Accel-Buffering", "no");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  /* written chunks are not kept: a stream may stay open for hours */
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
  g_ptr_array_add (self->streams, g_object_ref (msg));
  g_signal_connect (msg, "finished", G_CALLBACK (stream_finished_cb), self);

  event = phase_event (self, v->meeting);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_TAKE,
                            g_strconcat ("retry: 5000\n\n", event, NULL),
                            strlen ("retry: 5000\n\n") + strlen (event));
}

/* Writes ------------------------------------------------------------------ */

/* The form fields of a POST, or NULL (with the status to answer) if the
 * body is not a valid form in UTF-8. */
static GHashTable *
read_form (HwJoinServer      *self,
           SoupServerMessage *msg,
           guint             *status)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *type = soup_message_headers_get_content_type (h, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  GHashTable *form;
  GHashTableIter iter;
  gpointer key, value;

  g_assert (HW_IS_JOIN_SERVER (self));

  bytes = soup_message_body_flatten (body);
  if (g_bytes_get_size (bytes) > self->max_body)
    {
      *status = SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE;
      return NULL;
    }
  if (g_strcmp0 (type, "application/x-www-form-urlencoded") != 0)
    {
      *status = SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE;
      return NULL;
    }
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (strlen (text) != g_bytes_get_size (bytes) || !g_utf8_validate (text, -1, NULL))
    {
      *status = SOUP_STATUS_BAD_REQUEST;
      return NULL;
    }
  form = soup_form_decode (text);
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_utf8_validate (key, -1, NULL) || !g_utf8_validate (value, -1, NULL))
      {
        g_hash_table_unref (form);
        *status = SOUP_STATUS_BAD_REQUEST;
        return NULL;
      }
  return form;
}

/* Origin and Sec-Fetch-Site, when the browser sends them, must say the
 * form was posted from this server's own page. */
static gboolean
same_origin (HwJoinServer      *self,
             SoupServerMessage *msg)
{
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *origin = soup_message_headers_get_one (h, "Origin");
  const char *site = soup_message_headers_get_one (h, "Sec-Fetch-Site");
  const char *host = soup_message_headers_get_one (h, "Host");

  g_assert (HW_IS_JOIN_SERVER (self));

  if (site != NULL && g_ascii_strcasecmp (site, "same-origin") != 0)
    return FALSE;
  /* The page's Referrer-Policy is no-referrer, and with it Chromium sends
   * "Origin: null" even when the form posts to its own page: its
   * Sec-Fetch-Site, which no page can set, says where it comes from. A
   * "null" without it is refused (a sandboxed frame or a data: page). */
  if (g_strcmp0 (origin, "null") == 0)
    return site != NULL;
  if (origin != NULL)
    {
      g_autofree char *expected = g_strconcat (self->tls ? "https://" : "http://", host ? host : "", NULL);

      return g_ascii_strcasecmp (origin, expected) == 0;
    }
  return TRUE;
}

static void
redirect_to_page (SoupServerMessage *msg,
                  const char        *token_path,
                  const char        *what)
{
  g_autofree char *location = g_strconcat (token_path, "?", what, NULL);

  set_safety_headers (msg);
  soup_server_message_set_redirect (msg, SOUP_STATUS_SEE_OTHER, location);
}

static void
respond_page (HwJoinServer      *self,
              SoupServerMessage *msg,
              guint              status,
              const Guest       *guest,
              Visitor           *v,
              const char        *token_path,
              const char        *notice,
              gboolean           notice_is_error,
              const char        *kind,
              const char        *text)
{
  g_autofree char *page = build_page (self, guest, v, token_path, notice, notice_is_error, kind, text);

  if (page == NULL)
    {
      respond_message (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, _("Something went wrong"),
                       _("Please try again."));
      return;
    }
  respond (msg, status, "text/html; charset=utf-8", page, strlen (page));
}

/* Whether @rows (nullable) hold the row @id: a statement or task a form
 * names must be one the person's own page shows. */
static gboolean
rows_hold (GPtrArray *rows,
           gint64     id)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (hw_record_get_id (g_ptr_array_index (rows, i)) == id)
      return TRUE;
  return FALSE;
}

/* Before a write through the store, the page's language is put back to
 * the program's own (the caller pushes the page's again after it): the
 * store's ::changed runs the window's handlers at once, and the editor's
 * new row, its toast and the room's screen must not be made in the
 * language of the phone that wrote. A message of the write's error is
 * then in the program's language too. */
static void
write_in_app_language (HwLanguageSwitch **sw)
{
  hw_language_pop (*sw);
  *sw = NULL;
}

/* The end of every write from a phone, once the store has answered
 * (@error is NULL when it took the write): the page's language again,
 * then the page with the refusal (keeping @kind and @text in the form),
 * or a redirect to the page that says it is done (@query). */
static void
finish_write (HwJoinServer      *self,
              SoupServerMessage *msg,
              Guest             *guest,
              Visitor           *v,
              const char        *token_path,
              HwLanguageSwitch **sw,
              const GError      *error,
              const char        *kind,
              const char        *text,
              const char        *done,
              const char        *query)
{
  g_assert (HW_IS_JOIN_SERVER (self));

  *sw = hw_language_push (v->language);
  if (error != NULL)
    {
      respond_page (self, msg, SOUP_STATUS_BAD_REQUEST, guest, v, token_path, error->message, TRUE, kind, text);
      return;
    }
  g_debug ("person %" G_GINT64_FORMAT " %s", guest->person_id, done);
  redirect_to_page (msg, token_path, query);
}

static void
handle_add (HwJoinServer      *self,
            SoupServerMessage *msg,
            Guest             *guest,
            Visitor           *v,
            GHashTable        *form,
            const char        *token_path,
            HwLanguageSwitch **sw)
{
  const char *kind = g_hash_table_lookup (form, "contribution");
  const char *text = g_hash_table_lookup (form, "text");
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert (HW_IS_JOIN_SERVER (self));

  write_in_app_language (sw);
  id = hw_meeting_add_contribution (self->store, self->meeting_id, guest->person_id, kind, text, &error);
  finish_write (self, msg, guest, v, token_path, sw, id == 0 ? error : NULL, kind, text,
                "added an item", "sent=1");
}

static void
handle_score (HwJoinServer      *self,
              SoupServerMessage *msg,
              Guest             *guest,
              Visitor           *v,
              GHashTable        *form,
              const char        *token_path,
              HwLanguageSwitch **sw)
{
  const char *item_text = g_hash_table_lookup (form, "item");
  const char *score_text = g_hash_table_lookup (form, "score");
  const char *version_text = g_hash_table_lookup (form, "version");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint64 item_id = 0, score = 0, version = 0;
  gboolean scored;

  g_assert (HW_IS_JOIN_SERVER (self));

  /* no version: the page showed no score (a form without one cannot
   * replace a score it never showed) */
  if (!g_ascii_string_to_unsigned (item_text, 10, 1, G_MAXINT64, &item_id, NULL)
      || !g_ascii_string_to_unsigned (score_text, 10, 0, 10, &score, NULL)
      || (version_text != NULL
          && !g_ascii_string_to_unsigned (version_text, 10, 0, G_MAXINT64, &version, NULL)))
    {
      respond_page (self, msg, SOUP_STATUS_BAD_REQUEST, guest, v, token_path,
                    _("Choose a number from 0 to 10."), TRUE, NULL, NULL);
      return;
    }
  /* only a statement this person's page shows */
  items = hw_meeting_list_items (self->store, self->meeting_id, NULL, &v->recipient, NULL);
  if (!rows_hold (items, (gint64) item_id))
    {
      respond_page (self, msg, SOUP_STATUS_BAD_REQUEST, guest, v, token_path,
                    _("This statement is not on your page."), TRUE, NULL, NULL);
      return;
    }
  write_in_app_language (sw);
  /* over the score as the page showed it only */
  scored = hw_meeting_set_score_at (self->store, (gint64) item_id, guest->person_id, (gint64) version,
                                    (int) score, g_hash_table_lookup (form, "reason"), &error) != 0;
  if (!scored && g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
    {
      /* said in the phone's language; the page shows the score saved now */
      *sw = hw_language_push (v->language);
      respond_page (self, msg, SOUP_STATUS_CONFLICT, guest, v, token_path,
                    _("Your score was changed somewhere else after this page was opened, so it was not saved. "
                      "The score saved now is shown; choose yours again if you want to change it."),
                    TRUE, NULL, NULL);
      return;
    }
  finish_write (self, msg, guest, v, token_path, sw, scored ? NULL : error, NULL, NULL,
                "gave a score", "scored=1");
}

static void
handle_task (HwJoinServer      *self,
             SoupServerMessage *msg,
             Guest             *guest,
             Visitor           *v,
             GHashTable        *form,
             const char        *token_path,
             HwLanguageSwitch **sw)
{
  const char *task_text = g_hash_table_lookup (form, "task");
  const char *note = g_hash_table_lookup (form, "note");
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  guint64 task_id = 0;
  gboolean ok;

  g_assert (HW_IS_JOIN_SERVER (self));

  /* only a task this person's page lists */
  if (g_ascii_string_to_unsigned (task_text, 10, 1, G_MAXINT64, &task_id, NULL))
    tasks = list_own_tasks (self, v);
  if (!rows_hold (tasks, (gint64) task_id))
    {
      respond_page (self, msg, SOUP_STATUS_BAD_REQUEST, guest, v, token_path,
                    _("This task is not on your page."), TRUE, NULL, NULL);
      return;
    }
  if (note != NULL && g_utf8_strlen (note, -1) > 2000)
    {
      respond_page (self, msg, SOUP_STATUS_BAD_REQUEST, guest, v, token_path,
                    _("The note is too long. Please keep it under 2,000 letters."), TRUE, NULL, NULL);
      return;
    }
  today = hw_date_today_iso ();
  write_in_app_language (sw);
  ok = hw_service_plan_mark_task_done (self->store, (gint64) task_id, today,
                                       hw_record_get_string (v->person, "name"), note, &error);
  finish_write (self, msg, guest, v, token_path, sw, ok ? NULL : error, NULL, NULL,
                "marked a task done", "done=1");
}

/* The family's plan: only a family member, only during private family
 * time (the page shows the form nowhere else). @share: share it with the
 * team, else save its words. */
static void
handle_family_plan (HwJoinServer      *self,
                    SoupServerMessage *msg,
                    Guest             *guest,
                    Visitor           *v,
                    GHashTable        *form,
                    const char        *token_path,
                    HwLanguageSwitch **sw,
                    gboolean           share)
{
  const char *text = g_hash_table_lookup (form, "plan");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert (HW_IS_JOIN_SERVER (self));

  if (!v->family)
    {
      respond_page (self, msg, SOUP_STATUS_FORBIDDEN, guest, v, token_path,
                    _("Only the family writes the family’s plan."), TRUE, NULL, NULL);
      return;
    }
  if (g_strcmp0 (current_phase (v->meeting), "family-time") != 0)
    {
      respond_page (self, msg, SOUP_STATUS_BAD_REQUEST, guest, v, token_path,
                    _("The family’s plan is written during private family time."), TRUE, NULL, NULL);
      return;
    }
  if (!share && text == NULL)
    {
      respond_page (self, msg, SOUP_STATUS_BAD_REQUEST, guest, v, token_path,
                    _("This could not be read"), TRUE, NULL, NULL);
      return;
    }
  write_in_app_language (sw);
  if (share)
    ok = hw_family_plan_share (self->store, self->meeting_id, guest->person_id, &error);
  else
    ok = hw_family_plan_save (self->store, self->meeting_id, guest->person_id, text, &error);
  if (!ok && !share)
    v->plan_draft = text;
  finish_write (self, msg, guest, v, token_path, sw, ok ? NULL : error, NULL, NULL,
                share ? "shared the family's plan" : "saved the family's plan",
                share ? "shared=1" : "planned=1");
}

/* The person's own copy of a plan as PDF: the latest agreed version, or
 * the draft when none is agreed yet, drawn for them (hw-recipient.h) in
 * their language. */
static void
handle_plan (HwJoinServer      *self,
             SoupServerMessage *msg,
             Visitor           *v,
             HwPlanKind         kind)
{
  gint64 plan_id = hw_plan_find (self->store, hw_record_get_int (v->meeting, "case_id"), kind);
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version;
  const char *file;

  g_assert (HW_IS_JOIN_SERVER (self));

  if (plan_id == 0)
    {
      respond_message (msg, SOUP_STATUS_NOT_FOUND, _("There is no such plan yet"),
                       _("Ask the facilitator about it."));
      return;
    }
  version = hw_plan_get_latest_version (self->store, plan_id);
  snapshot = version > 0 ? hw_plan_load_version (self->store, plan_id, version, &error)
                         : hw_plan_snapshot (self->store, plan_id, &error);
  if (snapshot != NULL)
    doc = hw_plan_document_new_for_store (self->store, snapshot, &v->recipient, v->language, &error);
  stream = g_memory_output_stream_new_resizable ();
  if (doc == NULL || !hw_document_write_pdf (doc, stream, &error)
      || !g_output_stream_close (stream, NULL, &error))
    {
      g_warning ("The copy of a plan for person %" G_GINT64_FORMAT " could not be made: %s",
                 v->recipient.person_id, error ? error->message : "");
      respond_message (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, _("Something went wrong"),
                       _("Please try again."));
      return;
    }
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  file = kind == HW_PLAN_SAFETY ? "inline; filename=\"safety-plan.pdf\""
                                : "inline; filename=\"plan-after-going-home.pdf\"";
  set_safety_headers (msg);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Content-Disposition", file);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/pdf", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Handlers ---------------------------------------------------------------- */

/* Every request: from the local network, naming this server as Host. */
static gboolean
request_allowed (HwJoinServer      *self,
                 SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  const char *host = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Host");
  g_autofree char *local_name = NULL;

  g_assert (HW_IS_JOIN_SERVER (self));

  if (!G_IS_INET_SOCKET_ADDRESS (remote)
      || !hw_join_address_is_local (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote))))
    return FALSE;
  /* a page of another site that a browser reaches by DNS rebinding names
   * that site as Host */
  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, self->authority) == 0)
    return TRUE;
  local_name = g_strdup_printf ("localhost:%u", self->port);
  return self->loopback && g_ascii_strcasecmp (host, local_name) == 0;
}

/* Runs once the headers are read, before the body: refuses a body that is
 * too large, or of unknown length, without reading it. */
static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  HwJoinServer *self = HW_JOIN_SERVER (user_data);
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  SoupEncoding encoding = soup_message_headers_get_encoding (h);

  if (!request_allowed (self, msg))
    {
      respond (msg, SOUP_STATUS_FORBIDDEN, "text/plain; charset=utf-8", "Forbidden\n", strlen ("Forbidden\n"));
      return;
    }
  if (method != SOUP_METHOD_POST)
    {
      if (encoding != SOUP_ENCODING_NONE && soup_message_headers_get_content_length (h) > 0)
        respond (msg, SOUP_STATUS_BAD_REQUEST, "text/plain; charset=utf-8", "Bad request\n",
                 strlen ("Bad request\n"));
      return;
    }
  if (encoding != SOUP_ENCODING_CONTENT_LENGTH)
    respond (msg, SOUP_STATUS_LENGTH_REQUIRED, "text/plain; charset=utf-8", "Length required\n",
             strlen ("Length required\n"));
  else if (soup_message_headers_get_content_length (h) > (goffset) self->max_body)
    respond (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "text/plain; charset=utf-8", "Too large\n",
             strlen ("Too large\n"));
}

static void
static_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  const char *name = NULL;
  const char *type = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET
      && soup_server_message_get_method (msg) != SOUP_METHOD_HEAD)
    {
      respond (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", "", 0);
      return;
    }
  if (g_strcmp0 (path, "/static/join.css") == 0)
    name = "join.css", type = "text/css; charset=utf-8";
  else if (g_strcmp0 (path, "/static/join.js") == 0)
    name = "join.js", type = "text/javascript; charset=utf-8";
  if (name == NULL || (bytes = resource (name)) == NULL)
    {
      respond (msg, SOUP_STATUS_NOT_FOUND, "text/plain; charset=utf-8", "Not found\n", strlen ("Not found\n"));
      return;
    }
  respond (msg, SOUP_STATUS_OK, type, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Short codes ------------------------------------------------------------- */

static gboolean
client_is_idle (gpointer key,
                gpointer value,
                gpointer user_data)
{
  const Client *client = value;
  gint64 now = *(gint64 *) user_data;

  return (client->bad == 0 || now - client->bad_since >= BAD_CODE_WINDOW)
         && now - client->bucket_at >= 10 * G_TIME_SPAN_SECOND;
}

/* The client of @msg (request_allowed() has checked it is an IP address). */
static Client *
find_client (HwJoinServer      *self,
             SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  g_autofree char *key = g_inet_address_to_string (
    g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
  gint64 now = g_get_monotonic_time ();
  Client *client;

  g_assert (HW_IS_JOIN_SERVER (self));

  client = g_hash_table_lookup (self->clients, key);
  if (client != NULL)
    return client;
  /* a network of phones is small; forget those that went quiet, so that
   * the table cannot grow without end */
  if (g_hash_table_size (self->clients) >= MAX_CLIENTS)
    g_hash_table_foreach_remove (self->clients, client_is_idle, &now);
  client = g_new0 (Client, 1);
  client->bucket = self->burst;
  client->bucket_at = now;
  g_hash_table_insert (self->clients, g_steal_pointer (&key), client);
  return client;
}

/* One try of a code: FALSE after too many wrong codes within a minute, or
 * when the client's bucket is empty (the same limits as a token's). */
static gboolean
client_may_try (HwJoinServer *self,
                Client       *client)
{
  gint64 now = g_get_monotonic_time ();

  g_assert (HW_IS_JOIN_SERVER (self));

  if (client->bad > 0 && now - client->bad_since >= BAD_CODE_WINDOW)
    client->bad = 0;
  if (client->bad >= MAX_BAD_CODES)
    return FALSE;
  client->bucket = MIN ((double) self->burst,
                        client->bucket
                        + self->per_second * (now - client->bucket_at) / (double) G_USEC_PER_SEC);
  client->bucket_at = now;
  if (client->bucket < 1.0)
    return FALSE;
  client->bucket -= 1.0;
  return TRUE;
}

/* Forgets the person's short code, if any. */
static void
forget_code (HwJoinServer *self,
             gint64        person_id)
{
  const char *digest;
  g_autofree char *copy = NULL;

  g_assert (HW_IS_JOIN_SERVER (self));

  digest = g_hash_table_lookup (self->code_by_person, &person_id);
  if (digest == NULL)
    return;
  copy = g_strdup (digest);
  g_hash_table_remove (self->code_by_person, &person_id);
  g_hash_table_remove (self->codes, copy);
}

/* GET /j/CODE: once, within its lifetime, 303 to the person's own page. */
static void
handle_code (HwJoinServer      *self,
             SoupServerMessage *msg,
             const char        *text)
{
  const char *method = soup_server_message_get_method (msg);
  Client *client = find_client (self, msg);
  g_autofree char *code = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *location = NULL;
  Code *found = NULL;
  gint64 person_id;

  g_assert (HW_IS_JOIN_SERVER (self));

  if (!client_may_try (self, client))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "60");
      respond_message (msg, HW_STATUS_TOO_MANY_REQUESTS, _("Please wait a moment"),
                       _("Too much was sent in a short time. Try again in a few seconds."));
      return;
    }
  if (method != SOUP_METHOD_GET && method != SOUP_METHOD_HEAD)
    {
      respond (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", "", 0);
      return;
    }
  code = hw_join_code_normalize (text);
  if (code != NULL)
    {
      digest = hw_join_token_digest (code);
      memset (code, 0, strlen (code));
      found = g_hash_table_lookup (self->codes, digest);
    }
  if (found != NULL && g_get_monotonic_time () >= found->expires)
    {
      forget_code (self, found->person_id);
      found = NULL;
    }
  if (found == NULL)
    {
      if (client->bad++ == 0)
        client->bad_since = g_get_monotonic_time ();
      respond_bad_code (msg);
      return;
    }
  /* used: it works once */
  person_id = found->person_id;
  location = g_strconcat ("/j/", found->token, NULL);
  forget_code (self, person_id);
  set_safety_headers (msg);
  soup_server_message_set_redirect (msg, SOUP_STATUS_SEE_OTHER, location);
  memset (location, 0, strlen (location));
  g_debug ("person %" G_GINT64_FORMAT " used their short link", person_id);
  g_signal_emit (self, signals[CODE_USED], 0, person_id);
}

static void
join_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  HwJoinServer *self = HW_JOIN_SERVER (user_data);
  const char *method = soup_server_message_get_method (msg);
  const char *rest = "";
  g_auto(Visitor) v = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *token_path = NULL;
  HwLanguageSwitch *sw;
  Guest *guest;

  if (g_str_has_prefix (path, "/j/") && strchr (path + 3, '/') == NULL
      && strlen (path + 3) == HW_JOIN_CODE_LENGTH)
    {
      handle_code (self, msg, path + 3);
      return;
    }
  guest = find_guest (self, path, &rest);
  if (guest == NULL)
    {
      respond_bad_link (msg);
      return;
    }
  if (!take_from_bucket (self, guest))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "2");
      respond_message (msg, HW_STATUS_TOO_MANY_REQUESTS, _("Please wait a moment"),
                       _("Too much was sent in a short time. Try again in a few seconds."));
      return;
    }
  token_path = g_strndup (path, strlen (path) - strlen (rest));

  if (!visitor_load (self, guest, &v, &error))
    {
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND))
        respond_message (msg, SOUP_STATUS_GONE, _("This meeting has ended"),
                         _("Thank you for taking part."));
      else
        respond_bad_link (msg);
      return;
    }

  sw = hw_language_push (v.language);
  if (g_str_equal (rest, "") && (method == SOUP_METHOD_GET || method == SOUP_METHOD_HEAD))
    {
      const char *notice = NULL;

      if (query != NULL && g_hash_table_contains (query, "sent"))
        notice = _("Thank you. The facilitator will read it.");
      else if (query != NULL && g_hash_table_contains (query, "scored"))
        notice = _("Your score is saved.");
      else if (query != NULL && g_hash_table_contains (query, "done"))
        notice = _("Marked as done. Thank you.");
      else if (query != NULL && g_hash_table_contains (query, "planned"))
        notice = _("Your family’s plan is saved.");
      else if (query != NULL && g_hash_table_contains (query, "shared"))
        notice = _("Your family’s plan is shared with the team.");
      respond_page (self, msg, SOUP_STATUS_OK, guest, &v, token_path, notice, FALSE, NULL, NULL);
    }
  else if (g_str_equal (rest, "/events") && method == SOUP_METHOD_GET)
    start_stream (self, msg, guest, &v);
  else if (g_str_equal (rest, "/safety-plan.pdf") && method == SOUP_METHOD_GET)
    handle_plan (self, msg, &v, HW_PLAN_SAFETY);
  else if (g_str_equal (rest, "/reunification-plan.pdf") && method == SOUP_METHOD_GET)
    handle_plan (self, msg, &v, HW_PLAN_REUNIFICATION);
  else if ((g_str_equal (rest, "/add") || g_str_equal (rest, "/score") || g_str_equal (rest, "/task")
            || g_str_equal (rest, "/plan") || g_str_equal (rest, "/share"))
           && method == SOUP_METHOD_POST)
    {
      g_autoptr(GHashTable) form = NULL;
      guint status = SOUP_STATUS_BAD_REQUEST;

      if (!same_origin (self, msg))
        respond_message (msg, SOUP_STATUS_FORBIDDEN, _("This was not sent from your page"),
                         _("Open your link again and send it from there."));
      else if ((form = read_form (self, msg, &status)) == NULL)
        respond_message (msg, status, _("This could not be read"),
                         _("Open your link again and send it from there."));
      else if (!csrf_check (self, guest, g_hash_table_lookup (form, "csrf")))
        respond_message (msg, SOUP_STATUS_FORBIDDEN, _("This was not sent from your page"),
                         _("Open your link again and send it from there."));
      else if (g_str_equal (rest, "/add"))
        handle_add (self, msg, guest, &v, form, token_path, &sw);
      else if (g_str_equal (rest, "/task"))
        handle_task (self, msg, guest, &v, form, token_path, &sw);
      else if (g_str_equal (rest, "/plan") || g_str_equal (rest, "/share"))
        handle_family_plan (self, msg, guest, &v, form, token_path, &sw, g_str_equal (rest, "/share"));
      else
        handle_score (self, msg, guest, &v, form, token_path, &sw);
    }
  else if (g_str_equal (rest, "") || g_str_equal (rest, "/events") || g_str_equal (rest, "/add")
           || g_str_equal (rest, "/score") || g_str_equal (rest, "/task")
           || g_str_equal (rest, "/plan") || g_str_equal (rest, "/share")
           || g_str_equal (rest, "/safety-plan.pdf") || g_str_equal (rest, "/reunification-plan.pdf"))
    respond (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", "", 0);
  else
    respond_message (msg, SOUP_STATUS_NOT_FOUND, _("There is no such page"),
                     _("Open the link you were given."));
  hw_language_pop (sw);
}

static void
other_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  respond_message (msg, SOUP_STATUS_NOT_FOUND, _("There is no such page"), _("Open the link you were given."));
}

/* GObject ----------------------------------------------------------------- */

static void
hw_join_server_dispose (GObject *object)
{
  HwJoinServer *self = HW_JOIN_SERVER (object);

  hw_join_server_stop (self);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (hw_join_server_parent_class)->dispose (object);
}

static void
hw_join_server_finalize (GObject *object)
{
  HwJoinServer *self = HW_JOIN_SERVER (object);

  g_hash_table_unref (self->code_by_person);
  g_hash_table_unref (self->codes);
  g_hash_table_unref (self->clients);
  g_hash_table_unref (self->by_person);
  g_hash_table_unref (self->guests);
  g_ptr_array_unref (self->streams);
  memset (self->secret, 0, sizeof self->secret);
  g_clear_object (&self->tls_certificate);
  g_free (self->tls_cert_file);
  g_free (self->tls_key_file);
  g_free (self->tls_dir);
  G_OBJECT_CLASS (hw_join_server_parent_class)->finalize (object);
}

static void
hw_join_server_class_init (HwJoinServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hw_join_server_dispose;
  object_class->finalize = hw_join_server_finalize;

  /**
   * HwJoinServer::code-used:
   * @person_id: whose short link it was
   *
   * A short link was opened (and so no longer works): whatever shows it
   * can take it away.
   */
  signals[CODE_USED] =
    g_signal_new ("code-used", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
hw_join_server_init (HwJoinServer *self)
{
  self->guests = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, guest_free);
  self->by_person = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->streams = g_ptr_array_new_with_free_func (g_object_unref);
  self->lifetime = DEFAULT_LIFETIME;
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, code_free);
  self->code_by_person = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->code_lifetime = DEFAULT_CODE_LIFETIME;
  self->max_body = DEFAULT_MAX_BODY;
  self->burst = DEFAULT_BURST;
  self->per_second = DEFAULT_PER_SECOND;
}

/* Public ------------------------------------------------------------------ */

HwJoinServer *
hw_join_server_new (HwStore *store,
                    gint64   meeting_id)
{
  HwJoinServer *self;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  self = g_object_new (HW_TYPE_JOIN_SERVER, NULL);
  self->store = g_object_ref (store);
  self->meeting_id = meeting_id;
  return self;
}

gint64
hw_join_server_get_meeting_id (HwJoinServer *self)
{
  g_return_val_if_fail (HW_IS_JOIN_SERVER (self), 0);
  return self->meeting_id;
}

gboolean
hw_join_server_start (HwJoinServer  *self,
                      const char    *address,
                      guint          port,
                      GError       **error)
{
  g_autofree char *picked = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) sa = NULL;
  g_autoptr(SoupServer) soup = NULL;
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(GSList) listeners = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autofree char *host = NULL;

  g_return_val_if_fail (HW_IS_JOIN_SERVER (self), FALSE);
  g_return_val_if_fail (self->soup == NULL, FALSE);

  meeting = hw_store_get (self->store, "meetings", self->meeting_id, NULL);
  if (self->meeting_id <= 0 || meeting == NULL)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND, _("This meeting does not exist (any more)."));
      return FALSE;
    }
  if (port > 65535)
    {
      g_set_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_ADDRESS, _("%u is not a port number."), port);
      return FALSE;
    }
  if (address == NULL || *address == '\0')
    address = picked = pick_address ();
  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_ADDRESS,
                   _("“%s” is not an address of this computer (write it as 192.168.1.20)."), address);
      return FALSE;
    }
  if (!hw_join_address_is_local (inet))
    {
      g_set_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_ADDRESS,
                   _("“%s” is not an address of the local network: the meeting is only shared on the local network."),
                   address);
      return FALSE;
    }
  if (!hw_join_random_bytes (self->secret, sizeof self->secret))
    {
      g_set_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_ADDRESS,
                   _("This computer has no source of random numbers for the links."));
      return FALSE;
    }

  if (self->tls)
    {
      g_autofree char *addr_text = g_inet_address_to_string (inet);

      g_clear_object (&self->tls_certificate);
      self->tls_certificate = self->tls_cert_file != NULL
                              ? hw_join_tls_load (self->tls_cert_file, self->tls_key_file, error)
                              : hw_join_tls_for_this_computer (self->tls_dir, addr_text, error);
      if (self->tls_certificate == NULL)
        return FALSE;
    }

  soup = soup_server_new ("server-header", "Homeward",
                          "tls-certificate", self->tls ? self->tls_certificate : NULL, NULL);
  /* an early handler runs only where it is registered for the very path
   * that is matched, so it goes with each handler */
  soup_server_add_early_handler (soup, NULL, early_cb, self, NULL);
  soup_server_add_handler (soup, NULL, other_cb, self, NULL);
  soup_server_add_early_handler (soup, "/j", early_cb, self, NULL);
  soup_server_add_handler (soup, "/j", join_cb, self, NULL);
  soup_server_add_early_handler (soup, "/static", early_cb, self, NULL);
  soup_server_add_handler (soup, "/static", static_cb, self, NULL);
  sa = g_inet_socket_address_new (inet, port);
  if (!soup_server_listen (soup, sa, self->tls ? SOUP_SERVER_LISTEN_HTTPS : 0, error))
    return FALSE;

  /* the port chosen (not soup_server_get_uris(), which leaks an address
   * in libsoup 3.2) */
  listeners = soup_server_get_listeners (soup);
  if (listeners != NULL)
    local = g_socket_get_local_address (listeners->data, NULL);
  if (local == NULL || !G_IS_INET_SOCKET_ADDRESS (local))
    {
      g_set_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_ADDRESS, _("The server could not start."));
      return FALSE;
    }
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  {
    g_autofree char *addr_text = g_inet_address_to_string (inet);

    host = g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6
           ? g_strdup_printf ("[%s]", addr_text) : g_strdup (addr_text);
  }
  self->authority = g_strdup_printf ("%s:%u", host, self->port);
  self->base_url = g_strdup_printf ("%s://%s", self->tls ? "https" : "http", self->authority);
  self->loopback = g_inet_address_get_is_loopback (inet);
  self->soup = g_steal_pointer (&soup);

  self->last_event = NULL;
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  self->refresh_id = g_timeout_add_seconds (1, refresh_cb, self);
  self->heartbeat_id = g_timeout_add_seconds (HEARTBEAT_SECONDS, heartbeat_cb, self);
  g_debug ("serving meeting %" G_GINT64_FORMAT " on port %u", self->meeting_id, self->port);
  return TRUE;
}

void
hw_join_server_stop (HwJoinServer *self)
{
  g_return_if_fail (HW_IS_JOIN_SERVER (self));

  if (self->soup == NULL)
    return;
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  while (self->streams->len > 0)
    {
      g_autoptr(SoupServerMessage) msg = g_object_ref (g_ptr_array_index (self->streams, 0));

      g_signal_handlers_disconnect_by_data (msg, self);
      g_ptr_array_remove_index (self->streams, 0);
      end_stream (msg);
    }
  soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_hash_table_remove_all (self->code_by_person);
  g_hash_table_remove_all (self->codes);
  g_hash_table_remove_all (self->clients);
  g_hash_table_remove_all (self->by_person);
  g_hash_table_remove_all (self->guests);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->authority, g_free);
  g_clear_pointer (&self->last_event, g_free);
  memset (self->secret, 0, sizeof self->secret);
  self->port = 0;
}

void
hw_join_server_set_tls (HwJoinServer *self,
                        const char   *cert_file,
                        const char   *key_file,
                        const char   *dir)
{
  g_return_if_fail (HW_IS_JOIN_SERVER (self));
  g_return_if_fail (self->soup == NULL);
  g_return_if_fail ((cert_file == NULL) == (key_file == NULL));

  g_free (self->tls_cert_file);
  self->tls_cert_file = g_strdup (cert_file);
  g_free (self->tls_key_file);
  self->tls_key_file = g_strdup (key_file);
  g_free (self->tls_dir);
  self->tls_dir = g_strdup (dir);
  self->tls = cert_file != NULL || dir != NULL;
}

GTlsCertificate *
hw_join_server_get_tls_certificate (HwJoinServer *self)
{
  g_return_val_if_fail (HW_IS_JOIN_SERVER (self), NULL);
  return self->soup != NULL && self->tls ? self->tls_certificate : NULL;
}

gboolean
hw_join_server_is_running (HwJoinServer *self)
{
  g_return_val_if_fail (HW_IS_JOIN_SERVER (self), FALSE);
  return self->soup != NULL;
}

guint
hw_join_server_get_port (HwJoinServer *self)
{
  g_return_val_if_fail (HW_IS_JOIN_SERVER (self), 0);
  return self->port;
}

const char *
hw_join_server_get_base_url (HwJoinServer *self)
{
  g_return_val_if_fail (HW_IS_JOIN_SERVER (self), NULL);
  return self->base_url;
}

/* Ends the live streams of the guest with @digest. */
static void
end_streams_of (HwJoinServer *self,
                const char   *digest)
{
  g_assert (HW_IS_JOIN_SERVER (self));

  for (guint i = 0; i < self->streams->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (self->streams, i);
      StreamData *sd = g_object_get_data (G_OBJECT (msg), "hw-join-stream");

      if (sd != NULL && g_str_equal (sd->digest, digest))
        {
          g_autoptr(SoupServerMessage) keep = g_object_ref (msg);

          g_signal_handlers_disconnect_by_data (msg, self);
          g_ptr_array_remove_index (self->streams, i--);
          end_stream (keep);
        }
    }
}

gboolean
hw_join_server_revoke (HwJoinServer *self,
                       gint64        person_id)
{
  const char *digest;
  g_autofree char *copy = NULL;

  g_return_val_if_fail (HW_IS_JOIN_SERVER (self), FALSE);

  forget_code (self, person_id);
  digest = g_hash_table_lookup (self->by_person, &person_id);
  if (digest == NULL)
    return FALSE;
  copy = g_strdup (digest);
  g_hash_table_remove (self->by_person, &person_id);
  end_streams_of (self, copy);
  g_hash_table_remove (self->guests, copy);
  g_debug ("the link of person %" G_GINT64_FORMAT " was withdrawn", person_id);
  return TRUE;
}

char *
hw_join_server_invite (HwJoinServer  *self,
                       gint64         person_id,
                       GError       **error)
{
  g_autoptr(HwRecord) person = NULL;
  g_autofree char *token = NULL;
  Guest *guest;

  g_return_val_if_fail (HW_IS_JOIN_SERVER (self), NULL);

  if (self->soup == NULL)
    {
      g_set_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_NOT_RUNNING, _("Sharing the meeting has not been started."));
      return NULL;
    }
  person = check_attendee (self, person_id, error);
  if (person == NULL)
    return NULL;
  token = hw_join_token_new ();
  if (token == NULL)
    {
      g_set_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_ADDRESS,
                   _("This computer has no source of random numbers for the links."));
      return NULL;
    }

  hw_join_server_revoke (self, person_id);
  guest = g_new0 (Guest, 1);
  guest->person_id = person_id;
  guest->digest = hw_join_token_digest (token);
  guest->expires = g_get_monotonic_time () + self->lifetime;
  guest->bucket = self->burst;
  guest->bucket_at = g_get_monotonic_time ();
  g_hash_table_insert (self->guests, guest->digest, guest);
  g_hash_table_insert (self->by_person, g_memdup2 (&person_id, sizeof person_id), guest->digest);
  g_debug ("made a link for person %" G_GINT64_FORMAT, person_id);
  return g_strdup_printf ("%s/j/%s", self->base_url, token);
}

GPtrArray *
hw_join_server_invite_all (HwJoinServer  *self,
                           GError       **error)
{
  g_autoptr(GPtrArray) attendees = NULL;
  GPtrArray *out;

  g_return_val_if_fail (HW_IS_JOIN_SERVER (self), NULL);

  attendees = hw_store_select (self->store, "meeting_attendees", error,
                               "SELECT a.id, a.person_id, p.name FROM meeting_attendees a"
                               " JOIN people p ON p.id = a.person_id"
                               " WHERE a.meeting_id = ? AND a.attendance IN ('present','remote')"
                               " ORDER BY a.id",
                               G_TYPE_INT64, self->meeting_id, G_TYPE_INVALID);
  if (attendees == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_join_invite_free);
  for (guint i = 0; i < attendees->len; i++)
    {
      HwRecord *a = g_ptr_array_index (attendees, i);
      gint64 person_id = hw_record_get_int (a, "person_id");
      g_autoptr(GError) local = NULL;
      char *url = hw_join_server_invite (self, person_id, &local);
      HwJoinInvite *invite;

      if (url == NULL)
        {
          if (g_error_matches (local, HW_JOIN_ERROR, HW_JOIN_ERROR_NOT_ATTENDEE))
            continue;   /* someone who may not have their own copy */
          g_propagate_error (error, g_steal_pointer (&local));
          g_ptr_array_unref (out);
          return NULL;
        }
      invite = g_new0 (HwJoinInvite, 1);
      invite->person_id = person_id;
      invite->name = g_strdup (hw_record_get_string (a, "name"));
      invite->url = url;
      g_ptr_array_add (out, invite);
    }
  return out;
}

void
hw_join_server_set_token_lifetime (HwJoinServer *self,
                                   GTimeSpan     lifetime)
{
  g_return_if_fail (HW_IS_JOIN_SERVER (self));
  g_return_if_fail (lifetime > 0);
  self->lifetime = lifetime;
}

void
hw_join_server_set_limits (HwJoinServer *self,
                           gsize         max_body,
                           guint         burst,
                           double        per_second)
{
  g_return_if_fail (HW_IS_JOIN_SERVER (self));
  g_return_if_fail (max_body > 0 && burst > 0 && per_second >= 0);
  self->max_body = max_body;
  self->burst = burst;
  self->per_second = per_second;
}

char *
hw_join_server_invite_with_code (HwJoinServer  *self,
                                 gint64         person_id,
                                 char         **short_url,
                                 GError       **error)
{
  g_autofree char *url = NULL;
  g_autofree char *code = NULL;
  Code *entry;

  g_return_val_if_fail (HW_IS_JOIN_SERVER (self), NULL);
  g_return_val_if_fail (short_url != NULL, NULL);

  *short_url = NULL;
  url = hw_join_server_invite (self, person_id, error);
  if (url == NULL)
    return NULL;
  code = hw_join_code_new ();
  if (code == NULL)
    {
      hw_join_server_revoke (self, person_id);
      g_set_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_ADDRESS,
                   _("This computer has no source of random numbers for the links."));
      return NULL;
    }
  entry = g_new0 (Code, 1);
  entry->person_id = person_id;
  entry->digest = hw_join_token_digest (code);
  entry->token = g_strdup (strrchr (url, '/') + 1);
  entry->expires = g_get_monotonic_time () + self->code_lifetime;
  g_hash_table_insert (self->codes, entry->digest, entry);
  g_hash_table_insert (self->code_by_person, g_memdup2 (&person_id, sizeof person_id),
                       entry->digest);
  *short_url = g_strdup_printf ("%s/j/%s", self->base_url, code);
  memset (code, 0, strlen (code));
  return g_steal_pointer (&url);
}

gboolean
hw_join_server_has_code (HwJoinServer *self,
                         gint64        person_id)
{
  const char *digest;
  Code *code;

  g_return_val_if_fail (HW_IS_JOIN_SERVER (self), FALSE);

  digest = g_hash_table_lookup (self->code_by_person, &person_id);
  code = digest != NULL ? g_hash_table_lookup (self->codes, digest) : NULL;
  return code != NULL && g_get_monotonic_time () < code->expires;
}

void
hw_join_server_set_code_lifetime (HwJoinServer *self,
                                  GTimeSpan     lifetime)
{
  g_return_if_fail (HW_IS_JOIN_SERVER (self));
  g_return_if_fail (lifetime > 0);
  self->code_lifetime = lifetime;
}
