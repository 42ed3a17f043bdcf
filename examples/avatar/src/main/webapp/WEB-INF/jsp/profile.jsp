<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" session="false" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%-- The profile (ProfileServlet). ${user}: the signed-in user; ${choice}: their Avatar; ${since}: when the session
     began, formatted. --%>
<%@ include file="header.jspf" %>
<h1>Profile</h1>
<div class="profile">
<div id="profile-avatar" data-avatar="${choice.id()}">${choice.svg(160)}</div>
<div>
<p>Signed in as <b id="profile-name"><c:out value="${user}"/></b></p>
<p>Avatar: <b id="avatar-label">${choice.label()}</b> (<a href="${ctx}/avatar">change</a>)</p>
<p id="since">Signed in since ${since}</p>
<form method="post" action="${ctx}/logout"><button id="logout" type="submit">Sign out</button></form>
</div>
</div>
<%@ include file="footer.jspf" %>
