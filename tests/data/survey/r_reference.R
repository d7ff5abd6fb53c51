# Reference figures for Solidata's survey estimates: degrees of freedom and confidence intervals.
#
# Run from the repository root (needs R and the survey package; Debian: r-base-core r-cran-survey):
#   Rscript tests/data/survey/r_reference.R
# It writes tests/data/survey/r_reference.csv (and apiclus2.csv, the two-stage sample R ships).
# The tests read the CSV; they never run R. Values are stored with 10 significant digits and
# compared as R prints them (5 significant digits).
#
# Conventions, as in R:
#   wald  = confint(x)                     normal quantile, df = Inf
#   t     = confint(x, df = degf(design))  Student's t with the design's degrees of freedom
#   logit = svyciprop(~I(v == c), design, method = "logit")   (df = degf(design) by default)
# A domain (group) is subset(design, group == g); its df is degf() of that subset, which counts
# only the PSUs and strata holding rows of the group. This is what svyby(..., svyciprop) uses.
suppressMessages(library(survey))
data(api)

underscore <- function(frame) {
  names(frame) <- gsub(".", "_", names(frame), fixed = TRUE)
  frame
}
write.csv(underscore(apiclus2), "tests/data/survey/apiclus2.csv", row.names = FALSE, na = "")

# A stratified two-stage design for the test only: districts split by the parity of their number.
apiclus2$half <- ifelse(apiclus2$dnum %% 2 == 0, "even", "odd")

designs <- list(
  dstrat = svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat),
  dclus1 = svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1),
  # two-stage, both fpcs: the full two-stage variance
  dclus2 = svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2),
  # two-stage, no fpc: R uses the first stage only, with replacement
  dclus2wr = svydesign(id = ~dnum + snum, weights = ~pw, data = apiclus2),
  # the first stage only, with its fpc: what a two-stage sample given only fpc1 gets
  dclus2fpc1 = svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc1, data = apiclus2),
  # stratified two-stage (strata "half", made up above), both fpcs
  dclus2half = svydesign(id = ~dnum + snum, strata = ~half, fpc = ~fpc1 + fpc2, data = apiclus2)
)

rows <- list()
num <- function(x) signif(unname(as.numeric(x)), 10)
add <- function(design, statistic, variable, by, group, category, ci, est, se, df, lo, hi) {
  rows[[length(rows) + 1]] <<- data.frame(
    design = design, statistic = statistic, variable = variable, by = by, group = group,
    category = category, ci = ci, estimate = num(est), se = num(se), df = df,
    ci_low = num(lo), ci_high = num(hi), row.names = NULL
  )
}

numeric_cases <- function(name, d, statistic, variable, by = NA, group = NA) {
  sub <- if (is.na(by)) d else d[d$variables[[by]] %in% group, ]
  f <- as.formula(paste0("~", variable))
  x <- if (statistic == "mean") svymean(f, sub, na.rm = TRUE) else svytotal(f, sub, na.rm = TRUE)
  df <- degf(sub)
  w <- confint(x)
  t <- confint(x, df = df)
  add(name, statistic, variable, by, group, NA, "wald", coef(x), SE(x), df, w[1], w[2])
  add(name, statistic, variable, by, group, NA, "t", coef(x), SE(x), df, t[1], t[2])
}

proportion_cases <- function(name, d, variable, category, by = NA, group = NA) {
  sub <- if (is.na(by)) d else d[d$variables[[by]] %in% group, ]
  sub <- update(sub, sd_indicator = as.numeric(get(variable) == category))
  df <- degf(sub)
  m <- svymean(~sd_indicator, sub, na.rm = TRUE)
  w <- confint(m)
  t <- confint(m, df = df)
  add(name, "proportion", variable, by, group, category, "wald", coef(m), SE(m), df, w[1], w[2])
  add(name, "proportion", variable, by, group, category, "t", coef(m), SE(m), df, t[1], t[2])
  p <- svyciprop(~sd_indicator, sub, method = "logit", na.rm = TRUE)
  ci <- attr(p, "ci")
  add(name, "proportion", variable, by, group, category, "logit", as.numeric(p),
      sqrt(as.numeric(attr(p, "var"))), df,
      ci[1], ci[2])
}

for (name in names(designs)) {
  d <- designs[[name]]
  numeric_cases(name, d, "mean", "api00")
  numeric_cases(name, d, "total", "enroll")
  for (category in c("No", "Yes")) proportion_cases(name, d, "sch.wide", category)
}
for (name in c("dstrat", "dclus1", "dclus2")) {
  d <- designs[[name]]
  numeric_cases(name, d, "mean", "acs.k3")  # missing: 103 of 200 in apistrat, 44 of 126 in apiclus2
  for (group in sort(unique(d$variables$stype))) {
    numeric_cases(name, d, "mean", "api00", "stype", group)
    numeric_cases(name, d, "total", "enroll", "stype", group)
    for (category in c("No", "Yes")) proportion_cases(name, d, "awards", category, "stype", group)
  }
  for (group in c("No", "Yes")) numeric_cases(name, d, "mean", "api00", "both", group)
}

out <- do.call(rbind, rows)
out$variable <- gsub(".", "_", out$variable, fixed = TRUE)
write.csv(out, "tests/data/survey/r_reference.csv", row.names = FALSE, na = "")
cat(sprintf("%d rows; %s\n", nrow(out), R.version.string))
cat(sprintf("survey %s\n", packageVersion("survey")))
