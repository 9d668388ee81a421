-- Neovim 0.7+ (built-in LSP client): start `fzlint server` for Markdown and text buffers.
-- README "Language server" shows this file; tests/test_server_nvim.py runs it in a real Neovim.
local fzlint_client = nil
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "markdown", "text" },
  callback = function(args)
    if fzlint_client == nil or vim.lsp.get_client_by_id(fzlint_client) == nil then
      fzlint_client = vim.lsp.start_client({
        name = "fzlint",
        cmd = { "fzlint", "server" },
        root_dir = vim.fn.getcwd(),
      })
    end
    vim.lsp.buf_attach_client(args.buf, fzlint_client)
  end,
})
