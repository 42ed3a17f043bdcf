<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" session="false" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%-- The avatar picker (AvatarServlet). ${user}: the signed-in user; ${avatars}: every Avatar; ${current}: the id of
     the one picked before, if any. The SVG comes from the Avatar enum, not from the user, so it is not escaped. --%>
<%@ include file="header.jspf" %>
<h1>Pick an avatar, <c:out value="${user}"/></h1>
<form id="pick" method="post" action="${ctx}/avatar"><div class="avatars">
<c:forEach var="a" items="${avatars}">
<button type="submit" name="avatar" value="${a.id()}" id="pick-${a.id()}"${a.id() == current ? ' class="current"' : ''}>${a.svg(96)}<br>${a.label()}</button>
</c:forEach>
</div></form>
<%@ include file="footer.jspf" %>
