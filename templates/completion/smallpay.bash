# bash completion for smallpay (printed by: smallpay completion bash)
# At each <TAB> the words go to `smallpay __complete`, which reads the program's own command tree; errors are
# swallowed. '=' is in COMP_WORDBREAKS, so `--customer=glo` arrives as three words and the answer is the value
# alone. Works with bash 3.2 (no mapfile); compopt (bash 4) is optional.
_smallpay_completion() {
  local cur=${COMP_WORDS[COMP_CWORD]} line
  local -a lines=()
  [[ $cur == = ]] && cur=
  while IFS= read -r line; do lines+=("$line"); done < <(command smallpay __complete bash "${COMP_WORDS[@]:0:COMP_CWORD+1}" 2>/dev/null)
  COMPREPLY=()
  if [[ ${lines[0]} == :files ]]; then
    compopt -o filenames 2>/dev/null
    while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$cur")
    return 0
  fi
  COMPREPLY=("${lines[@]}")
  return 0
}
complete -F _smallpay_completion smallpay
