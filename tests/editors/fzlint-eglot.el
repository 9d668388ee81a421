;; Emacs (eglot): fzlint server for reports. README "Language server" shows this file;
;; tests/test_server_editors.py loads it into a real Emacs.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode text-mode) . ("fzlint" "server"))))
