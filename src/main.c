/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "appeal-desk"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "desk-application.h"
#include "desk-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (DeskApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, desk_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = desk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
