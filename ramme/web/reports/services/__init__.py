"""Write services of the reports app: every change to the portfolio goes here."""
